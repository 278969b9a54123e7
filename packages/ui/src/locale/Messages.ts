/** Every string the AITRE components show, grouped by feature; `{name}` marks a parameter. */
export interface Messages {
  /** Strings shared by several components. */
  common: {
    loading: string;
    close: string;
    cancel: string;
    confirm: string;
    submit: string;
    copy: string;
    copied: string;
    copyFailed: string;
    download: string;
    retry: string;
    remove: string;
    openImage: string;
    /** The open-image button of a picture with a description: `{alt}`. */
    openImageNamed: string;
    imageViewer: string;
    progress: string;
  };
  /** The markdown renderer inside chat messages. */
  markdown: {
    copyCode: string;
    codeCopied: string;
    plainText: string;
    table: string;
    taskDone: string;
    taskOpen: string;
    /** A blocked image's load button; `{host}` is where it would load from. */
    blockedImage: string;
    /** A blocked image inside a link (no load button there). */
    imageFrom: string;
  };
  /** The chat component. */
  chat: {
    placeholder: string;
    send: string;
    stop: string;
    regenerate: string;
    edit: string;
    saveEdit: string;
    cancelEdit: string;
    copy: string;
    copied: string;
    retry: string;
    thinking: string;
    thoughtFor: string;
    showReasoning: string;
    hideReasoning: string;
    jumpToLatest: string;
    attachImage: string;
    /** The remove button of draft attachment number `{index}`. */
    removeAttachment: string;
    attachmentLimit: string;
    emptyTitle: string;
    emptyDescription: string;
    suggestions: [string, string, string, string];
    usage: string;
    /** Tooltip of the token count: `{prompt}` and `{completion}` tokens. */
    tokenSplit: string;
    totalTokens: string;
    ttft: string;
    tokensPerSecond: string;
    model: string;
    modelPicker: string;
    modelSearch: string;
    noModels: string;
    you: string;
    assistant: string;
    statusIncomplete: string;
    /** An answer the gateway ended at the token limit (`finish_reason: 'length'`). */
    statusLength: string;
    /** An answer the gateway's content filter ended (`finish_reason: 'content_filter'`). */
    statusContentFilter: string;
    statusStopped: string;
    statusError: string;
    threadLabel: string;
    inputLabel: string;
    messageActions: string;
    editLabel: string;
    attachments: string;
    attachmentAlt: string;
    dropImages: string;
    generating: string;
    reasoning: string;
    imageQueued: string;
    imageGenerating: string;
    imageDone: string;
    imageProgress: string;
    percent: string;
    tokens: string;
    ttftValue: string;
  };
  /** The image generation and editing studio. */
  images: {
    title: string;
    prompt: string;
    promptPlaceholder: string;
    model: string;
    size: string;
    quality: string;
    style: string;
    background: string;
    backgroundAuto: string;
    backgroundTransparent: string;
    backgroundOpaque: string;
    sizeAuto: string;
    qualityStandard: string;
    qualityHd: string;
    qualityLow: string;
    qualityMedium: string;
    qualityHigh: string;
    qualityAuto: string;
    styleVivid: string;
    styleNatural: string;
    format: string;
    count: string;
    generate: string;
    generating: string;
    download: string;
    useAsEditSource: string;
    editSource: string;
    /** The button that picks an image file to edit. */
    chooseEditSource: string;
    removeEditSource: string;
    mask: string;
    brushSize: string;
    clearMask: string;
    paint: string;
    erase: string;
    undo: string;
    maskEditor: string;
    maskHint: string;
    aspectRatio: string;
    edit: string;
    editing: string;
    results: string;
    openResult: string;
    revisedPrompt: string;
    noImages: string;
    result: string;
  };
  /** The transcription and translation panel, with its recorder. */
  audio: {
    title: string;
    record: string;
    stop: string;
    pause: string;
    resume: string;
    level: string;
    timer: string;
    pickFile: string;
    dropFile: string;
    fileHint: string;
    transcribe: string;
    translate: string;
    transcribing: string;
    /** The busy label in translate mode. */
    translating: string;
    language: string;
    languageAuto: string;
    model: string;
    prompt: string;
    output: string;
    outputText: string;
    outputSrt: string;
    outputVtt: string;
    outputJson: string;
    result: string;
    /** The result's label in translate mode. */
    translationResult: string;
    copy: string;
    copied: string;
    download: string;
    microphoneDenied: string;
    microphoneUnavailable: string;
    recordingUnsupported: string;
    recordingFailed: string;
    recording: string;
    mode: string;
    clear: string;
    removeFile: string;
    recordingReady: string;
  };
  /** The text-to-speech panel. */
  speech: {
    title: string;
    text: string;
    textPlaceholder: string;
    voice: string;
    model: string;
    speed: string;
    format: string;
    generate: string;
    generating: string;
    play: string;
    pause: string;
    download: string;
    characters: string;
    audio: string;
  };
  /** The MidJourney studio. */
  midjourney: {
    title: string;
    imagine: string;
    prompt: string;
    promptPlaceholder: string;
    referenceImages: string;
    addReference: string;
    removeReference: string;
    botType: string;
    botMidjourney: string;
    botNiji: string;
    mode: string;
    modeFast: string;
    modeRelax: string;
    modeTurbo: string;
    progress: string;
    statusNotStarted: string;
    statusQueued: string;
    statusSubmitted: string;
    statusInProgress: string;
    statusSuccess: string;
    statusFailure: string;
    statusModal: string;
    statusCancel: string;
    failReason: string;
    upscale: string;
    variation: string;
    reroll: string;
    varyStrong: string;
    varySubtle: string;
    varyRegion: string;
    zoomOut: string;
    customZoom: string;
    /** The accessible name of Discord's ❤️ bookmark button. */
    bookmark: string;
    panLeft: string;
    panRight: string;
    panUp: string;
    panDown: string;
    upscaleSubtle: string;
    upscaleCreative: string;
    modalTitle: string;
    modalPrompt: string;
    modalMask: string;
    modalSubmit: string;
    modalCancel: string;
    history: string;
    historyEmpty: string;
    clearHistory: string;
    blend: string;
    blendImages: string;
    dimensions: string;
    dimensionsPortrait: string;
    dimensionsSquare: string;
    dimensionsLandscape: string;
    describe: string;
    describeImage: string;
    describeResults: string;
    usePrompt: string;
    shorten: string;
    shortenResults: string;
    swapFace: string;
    swapFaceSource: string;
    swapFaceTarget: string;
    taskId: string;
    timedOut: string;
    keepTaskId: string;
    refresh: string;
    submitting: string;
    statusStopped: string;
    tools: string;
    options: string;
    modeDefault: string;
    resultImage: string;
    previewImage: string;
    imageFailed: string;
    reloadImage: string;
    actions: string;
    openTask: string;
    referenceImage: string;
    imageItem: string;
    removeImage: string;
    percent: string;
    announceProgress: string;
    emptyTask: string;
    modalDescription: string;
    maskMissing: string;
    continueTask: string;
    chooseImage: string;
    chooseImages: string;
    actionImagine: string;
    actionUpscale: string;
    actionVariation: string;
    actionReroll: string;
    actionDescribe: string;
    actionBlend: string;
    actionShorten: string;
    actionZoom: string;
    actionPan: string;
    actionInpaint: string;
    actionCustomZoom: string;
    actionSwapFace: string;
    actionModal: string;
  };
  /** The embeddings playground. */
  embeddings: {
    title: string;
    input: string;
    inputPlaceholder: string;
    model: string;
    dimensions: string;
    embed: string;
    embedding: string;
    similarity: string;
    vectorLength: string;
    tokens: string;
    addInput: string;
    removeInput: string;
    inputLabel: string;
    pair: string;
    usage: string;
    removeInputNamed: string;
  };
  /** Names of the model groups in model pickers. */
  models: {
    groups: {
      chat: string;
      reasoning: string;
      image: string;
      'audio-tts': string;
      'audio-stt': string;
      embedding: string;
      midjourney: string;
      other: string;
    };
    loading: string;
    loadFailed: string;
    label: string;
    empty: string;
  };
  /** Error summaries by error kind; the gateway's own message is appended as detail. */
  errors: {
    auth: string;
    quota: string;
    rate_limit: string;
    rate_limit_retry: string;
    no_channel: string;
    upstream: string;
    invalid_request: string;
    not_found: string;
    network: string;
    timeout: string;
    aborted: string;
    validation: string;
    midjourney: string;
    /** MidJourney refused the prompt (code 24) and named the word: `{word}`. */
    midjourney_banned: string;
    no_midjourney: string;
    unknown: string;
    withDetail: string;
  };
  /** Messages for input rejected before any request, by ValidationError code. */
  validation: {
    model_missing: string;
    messages_empty: string;
    prompt_empty: string;
    prompt_too_long: string;
    input_empty: string;
    input_too_many: string;
    file_missing: string;
    audio_too_large: string;
    audio_type: string;
    image_missing: string;
    image_type: string;
    blend_count: string;
    dalle3_n: string;
    n_range: string;
    size_invalid: string;
    option_invalid: string;
    tts_input_too_long: string;
    task_id_missing: string;
    custom_id_missing: string;
    unknown: string;
  };
  /** Theme switch labels. */
  theme: {
    label: string;
    light: string;
    dark: string;
    system: string;
  };
  /** Language switch labels; language names are written in their own language. */
  language: {
    label: string;
    en: string;
    'zh-CN': string;
  };
}

/** The groups that `<Chat />` and the markdown renderer read. */
export type BaseGroup =
  | 'common'
  | 'markdown'
  | 'chat'
  | 'models'
  | 'errors'
  | 'validation'
  | 'theme'
  | 'language';

/**
 * The groups of {@link BaseGroup}: shipped apart from the others, so a bundle with only the
 * chat leaves the strings of the image, audio, MidJourney and embeddings components out.
 */
export type BaseMessages = Pick<Messages, BaseGroup>;

/** The groups of the image, audio, speech, MidJourney and embeddings components. */
export type AreaMessages = Omit<Messages, BaseGroup>;
