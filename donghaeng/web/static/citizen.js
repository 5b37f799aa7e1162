/* Citizen page: push-to-talk (press-and-hold or tap-tap), typed questions, spoken answers.
 * No libraries, no third-party requests. Words come from the page (responses/ko/web.yaml). */
(() => {
  "use strict";

  const HOLD_MS = 450;          // pressed longer than this: "hold to talk"; shorter: tap to start/stop
  const MAX_RECORD_MS = 30000;  // a single question never needs more
  const MIN_RECORD_MS = 300;
  const SIZE_LEVELS = 4;
  const STORE = { session: "donghaeng.session", size: "donghaeng.textSize", location: "donghaeng.location",
                  speak: "donghaeng.speak", browserVoice: "donghaeng.browserVoice" };

  const $ = (id) => document.getElementById(id);
  const words = JSON.parse($("page-words").textContent || "{}");
  const el = {
    talk: $("talk"), talkLabel: $("talk-label"), status: $("status"), heard: $("heard"), answer: $("answer"),
    actions: $("actions"), actionsHeading: $("actions-heading"), receipt: $("receipt"),
    receiptNumber: $("receipt-number"), form: $("ask-form"), input: $("ask-text"), repeat: $("repeat"),
    slower: $("slower"), speak: $("speak-aloud"), browserVoice: $("browser-voice"), history: $("history"),
    historyPanel: $("history-panel"), audio: $("reply-audio"), locationAsk: $("location-ask"),
  };
  const state = {
    sessionId: read(sessionStorage, STORE.session), lat: null, lon: null, busy: false,
    recorder: null, stream: null, chunks: [], startedAt: 0, pressMode: null, pressAt: 0, stopTimer: null,
    lastReply: "", lastAudio: [], audioCtx: null, workletReady: null,
  };

  function read(storage, key) { try { return storage.getItem(key); } catch (_) { return null; } }
  function write(storage, key, value) { try { storage.setItem(key, value); } catch (_) { /* private mode */ } }
  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, (_, key) => (values[key] ?? ""));
  }
  function setStatus(text, isError = false) {
    el.status.textContent = text || "";
    el.status.classList.toggle("is-error", Boolean(isError));
  }

  /* ---------- text size ---------- */
  function applySize(level) {
    const size = Math.min(SIZE_LEVELS, Math.max(1, level));
    for (let i = 1; i <= SIZE_LEVELS; i += 1) document.documentElement.classList.toggle(`text-${i}`, i === size);
    write(localStorage, STORE.size, String(size));
    return size;
  }
  let textSize = applySize(parseInt(read(localStorage, STORE.size) || "1", 10) || 1);
  $("text-smaller").addEventListener("click", () => { textSize = applySize(textSize - 1); });
  $("text-bigger").addEventListener("click", () => { textSize = applySize(textSize + 1); });

  /* ---------- preferences ---------- */
  el.speak.checked = read(localStorage, STORE.speak) !== "no";
  el.browserVoice.checked = read(localStorage, STORE.browserVoice) === "yes";
  el.speak.addEventListener("change", () => {
    write(localStorage, STORE.speak, el.speak.checked ? "yes" : "no");
    if (!el.speak.checked) stopSpeaking();
  });
  el.browserVoice.addEventListener("change", () => write(localStorage, STORE.browserVoice, el.browserVoice.checked ? "yes" : "no"));

  /* ---------- location: asked once, politely; everything works without it ---------- */
  function locate() {
    if (!navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition((pos) => {
      state.lat = Math.round(pos.coords.latitude * 1e5) / 1e5;
      state.lon = Math.round(pos.coords.longitude * 1e5) / 1e5;
      setStatus(words.location_on);
    }, () => setStatus(words.location_off), { maximumAge: 300000, timeout: 10000 });
  }
  function setupLocation() {
    const choice = read(localStorage, STORE.location);
    if (!navigator.geolocation || choice === "no") return;
    if (choice === "yes") { locate(); return; }
    el.locationAsk.hidden = false;
    $("location-yes").addEventListener("click", () => {
      write(localStorage, STORE.location, "yes"); el.locationAsk.hidden = true; el.talk.focus(); locate();
    });
    $("location-no").addEventListener("click", () => {
      write(localStorage, STORE.location, "no"); el.locationAsk.hidden = true; el.talk.focus(); setStatus(words.location_off);
    });
  }
  setupLocation();

  /* ---------- talking to the server ---------- */
  function withPlace(payload) {
    if (state.sessionId) payload.session_id = state.sessionId;
    if (state.lat !== null && state.lon !== null) { payload.lat = state.lat; payload.lon = state.lon; }
    return payload;
  }
  async function errorMessage(response) {
    try {
      const body = await response.json();
      return { code: body.error?.code, message: body.error?.message || words.network_error };
    } catch (_) { return { code: "", message: words.network_error }; }
  }
  async function post(url, options, retrying = false) {
    const response = await fetch(url, { method: "POST", credentials: "same-origin", ...options() });
    if (response.ok) return response.json();
    const error = await errorMessage(response);
    if (error.code === "unknown-session" && !retrying) {  // an old conversation: start a new one
      state.sessionId = null; sessionStorage.removeItem(STORE.session);
      return post(url, options, true);
    }
    throw new Error(error.message);
  }
  function setBusy(busy) {
    state.busy = busy;
    el.talk.setAttribute("aria-busy", busy ? "true" : "false");
    for (const button of [el.repeat, el.slower]) button.disabled = busy;
  }
  async function sendText(text, { shown = true, replayOnSame = false } = {}) {
    const clean = String(text || "").trim();
    if (!clean) { setStatus(words.empty_text, true); el.input.focus(); return; }
    if (state.busy) return;
    setBusy(true); setStatus(words.thinking);
    if (shown) el.heard.textContent = clean;
    try {
      const result = await post("/v1/turns", () => ({
        headers: { "content-type": "application/json" },
        // Ask the server voice for the reply unless the person chose the browser's voice.
        body: JSON.stringify(withPlace({ text: clean, reply_audio: el.speak.checked && !el.browserVoice.checked })),
      }));
      show(result, clean, { replayOnSame });
    } catch (err) {
      setStatus(err.message || words.network_error, true);
    } finally { setBusy(false); }
  }
  async function sendAudio(blob) {
    setBusy(true); setStatus(words.thinking);
    const type = (blob.type || "audio/webm").split(";")[0];
    const buildForm = () => {  // rebuilt on a retry, so a dropped session id is not sent again
      const form = new FormData();
      form.append("audio", blob, `speech.${type.split("/")[1] || "webm"}`);
      for (const [key, value] of Object.entries(withPlace({}))) form.append(key, String(value));
      return { body: form };
    };
    try {
      const result = await post("/v1/turns/audio", buildForm);
      show(result, result.transcript || "");
    } catch (err) {
      setStatus(err.message || words.network_error, true);
    } finally { setBusy(false); }
  }

  /* ---------- showing an answer ---------- */
  // `streamedAudio`: the WebSocket's list of sentence URLs, filled while the reply is spoken.
  function show(result, heardText, { replayOnSame = false, streamedAudio = null } = {}) {
    if (result.session_id) { state.sessionId = result.session_id; write(sessionStorage, STORE.session, result.session_id); }
    const reply = result.reply || "";
    if (heardText) el.heard.textContent = heardText;
    el.answer.textContent = reply;
    el.answer.classList.toggle("is-slow", Boolean(result.slow));
    renderReceipt(result.receipt || (result.actions || []).find((a) => a.type === "receipt")?.receipt);
    renderActions(result.actions || []);
    addHistory(heardText, reply);
    setStatus(words.ready);
    const sameAsBefore = replayOnSame && reply === state.lastReply && state.lastAudio.length > 0;
    let urls = [];
    if (streamedAudio) urls = streamedAudio;
    else if (result.reply_audio_url) urls = [result.reply_audio_url];
    else if (sameAsBefore) urls = state.lastAudio;  // "다시 듣기" of the same answer: no new audio needed
    state.lastReply = reply;
    if (streamedAudio || result.reply_audio_url) rememberAudio(urls);
    speak(reply, urls, Boolean(result.slow), { more: Boolean(streamedAudio) });
  }
  function renderReceipt(receipt) {
    el.receipt.hidden = !receipt;
    el.receiptNumber.textContent = receipt || "";
  }
  function safeHref(href) {
    try {
      const url = new URL(href, window.location.href);
      return ["http:", "https:", "tel:", "intent:"].includes(url.protocol) ? href : null;
    } catch (_) { return null; }
  }
  function link(href, text, className, external) {
    const safe = safeHref(href);
    if (!safe) return null;
    const a = document.createElement("a");
    a.href = safe; a.className = `action ${className}`; a.textContent = text;
    if (external) { a.target = "_blank"; a.rel = "noopener noreferrer"; }
    return a;
  }
  function mapUrl(action) {
    if (action.url) return action.url;
    const lat = Number(action.lat), lon = Number(action.lon);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  }
  function actionElements(action) {
    const isAndroid = /Android/i.test(navigator.userAgent);
    const name = action.name || action.app || "";
    switch (action.type) {
      case "open_app": {
        const items = [];
        const primary = isAndroid && action.url ? action.url : (action.web || action.url);
        if (primary) items.push(link(primary, fill(words.open_app, { name }), "action-app", /^https?:/.test(primary)));
        if (isAndroid && action.url && action.web) items.push(link(action.web, fill(words.open_web, { name }), "action-web", true));
        return items;
      }
      case "call": {
        const number = String(action.number || "").replace(/[^\d+]/g, "");
        if (!number) return [];
        const urgent = number === "119" || number === "112";
        return [link(`tel:${number}`, action.label || fill(words.call, { number: action.number }),
          urgent ? "action-call action-urgent" : "action-call", false)];
      }
      case "show_map": {
        const url = mapUrl(action);
        return url ? [link(url, fill(words.show_map, { label: action.label || "" }), "action-map", true)] : [];
      }
      case "complaint_status": {
        const p = document.createElement("p");
        p.className = "action-note";
        p.textContent = fill(words.complaint_status, { receipt: action.receipt || "", status: action.status || "" });
        return [p];
      }
      default:
        return action.url && /^https?:/.test(action.url) ? [link(action.url, action.label || name || action.url, "action-web", true)] : [];
    }
  }
  function renderActions(actions) {
    el.actions.replaceChildren();
    for (const action of actions) {
      for (const item of actionElements(action)) {
        if (!item) continue;
        const li = document.createElement("li");
        li.append(item);
        el.actions.append(li);
      }
    }
    el.actionsHeading.hidden = el.actions.children.length === 0;
  }
  function addHistory(said, reply) {
    if (!said && !reply) return;
    const li = document.createElement("li");
    for (const [who, text] of [[words.you_said, said], [words.reply_said, reply]]) {
      if (!text) continue;
      const p = document.createElement("p");
      const label = document.createElement("span");
      label.className = "who"; label.textContent = `${who}: `;
      p.append(label, document.createTextNode(text));
      li.append(p);
    }
    el.history.prepend(li);
    while (el.history.children.length > 10) el.history.lastElementChild.remove();
    el.historyPanel.hidden = false;
  }

  /* ---------- speaking the answer ----------
   * One small queue for every kind of server audio: a single file from POST, the same file
   * again for "다시 듣기", or one file per sentence arriving over the WebSocket. Sentences are
   * played in order as they arrive, so the first one starts before the rest are made. */
  const reply = { text: "", slow: false, urls: [], next: 0, more: false, voice: "none", playing: false };
  function stopSpeaking() {
    reply.voice = "none"; reply.playing = false;
    el.audio.pause();
    if ("speechSynthesis" in window) window.speechSynthesis.cancel();
  }
  function speakWithBrowser(text, slow) {
    if (!("speechSynthesis" in window) || !text) return false;
    const synth = window.speechSynthesis;
    const voice = synth.getVoices().find((v) => /^ko/i.test(v.lang));
    if (!voice && el.browserVoice.checked) setStatus(words.no_voice);
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "ko-KR";
    if (voice) utterance.voice = voice;
    utterance.rate = slow ? 0.75 : 0.95;
    synth.cancel();
    synth.speak(utterance);
    return true;
  }
  function browserInstead() {  // the server voice cannot play here: read the answer with the browser's
    reply.voice = "browser"; reply.playing = false;
    speakWithBrowser(reply.text, reply.slow);
  }
  function playNext() {
    if (reply.voice !== "server") return;
    if (reply.next >= reply.urls.length) { reply.playing = false; return; }  // wait for more, or done
    reply.playing = true;
    el.audio.src = reply.urls[reply.next];
    reply.next += 1;
    el.audio.play().catch(browserInstead);
  }
  el.audio.addEventListener("ended", playNext);
  el.audio.addEventListener("error", () => { if (reply.voice === "server") browserInstead(); });
  // `urls` may still grow (WebSocket sentences) while `more` is true; see addReplyAudio / endReplyAudio.
  function speak(text, urls, slow, { more = false } = {}) {
    stopSpeaking();
    Object.assign(reply, { text, slow, urls, next: 0, more, playing: false });
    if (!el.speak.checked) return;                      // voice "none": chunks are kept for 다시 듣기 only
    if (el.browserVoice.checked || (!urls.length && !more)) { browserInstead(); return; }
    reply.voice = "server";
    playNext();
  }
  function addReplyAudio(url) {
    reply.urls.push(url);
    if (reply.voice === "server" && !reply.playing) playNext();
  }
  function endReplyAudio() {
    reply.more = false;
    if (reply.voice === "server" && reply.urls.length === 0) browserInstead();  // no server audio came
  }
  // Blob URLs of a reply's sentences live until a newer reply replaces them (다시 듣기 reuses them).
  function rememberAudio(urls) {
    for (const old of state.lastAudio) if (old.startsWith("blob:") && !urls.includes(old)) URL.revokeObjectURL(old);
    state.lastAudio = urls;
  }

  /* ---------- push to talk ----------
   * Two paths run side by side while the person speaks:
   *  - live: an AudioWorklet (or ScriptProcessorNode) turns the microphone into 16 kHz PCM16
   *    frames of 100 ms streamed over WS /v1/stream; partial text shows in "들은 말" at once;
   *  - safety net: MediaRecorder records the same microphone, as the page always did.
   * If the WebSocket cannot open, closes, or fails before its result, the recording is posted
   * to /v1/turns/audio instead, so nothing the person said is lost. When the live result
   * arrives the recording is simply dropped. */
  const audioEnabled = el.talk.dataset.audioEnabled === "yes";
  const streamPath = el.talk.dataset.streamPath || "";
  const STREAM_RATE = 16000;
  const FRAME_SAMPLES = STREAM_RATE / 10;  // 100 ms per WebSocket message
  const OPEN_TIMEOUT_MS = 4000;            // a socket that has not opened by then will not help
  const RESULT_TIMEOUT_MS = 25000;         // after "end": give up on the socket and post the recording
  const PARTIAL_MIN_GAP_MS = 250;          // repaint "들은 말" at most this often while speaking
  // Errors the POST path would only repeat: tell the person instead of sending the audio again.
  const FINAL_CODES = new Set(["stt-no-text-recognized", "audio-too-long", "audio-too-large", "audio-clipped"]);
  let live = null;                          // the current live turn, or null

  function pickMimeType() {
    const types = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"];
    return types.find((t) => window.MediaRecorder?.isTypeSupported?.(t)) || "";
  }
  function setRecording(on, hold) {
    el.talk.setAttribute("aria-pressed", on ? "true" : "false");
    el.talkLabel.textContent = on ? words.talk_stop : el.talkLabel.dataset.idle;
    if (on) setStatus(hold ? words.listening_hold : words.listening);
  }

  /* 16 kHz PCM16 from whatever rate the device runs at (usually 44.1 or 48 kHz). Each output
   * sample averages the input samples it covers: a cheap low-pass that keeps speech clear
   * enough for recognition without a filter library. */
  class Downsampler {
    constructor(inputRate, emit) {
      this.step = inputRate / STREAM_RATE;
      this.rest = new Float32Array(0);
      this.pos = 0;
      this.frame = new Int16Array(FRAME_SAMPLES);
      this.filled = 0;
      this.emit = emit;
    }
    push(samples) {
      const data = new Float32Array(this.rest.length + samples.length);
      data.set(this.rest); data.set(samples, this.rest.length);
      let pos = this.pos;
      while (pos + this.step <= data.length) {
        const start = Math.floor(pos);
        const end = Math.max(start + 1, Math.floor(pos + this.step));  // at least one sample (8 kHz devices)
        let sum = 0;
        for (let i = start; i < end; i += 1) sum += data[i];
        const value = Math.max(-1, Math.min(1, sum / (end - start)));
        this.frame[this.filled] = value < 0 ? value * 0x8000 : value * 0x7fff;
        this.filled += 1;
        if (this.filled === FRAME_SAMPLES) this.flush();
        pos += this.step;
      }
      const used = Math.min(Math.floor(pos), data.length);
      this.rest = data.slice(used);
      this.pos = pos - used;
    }
    flush() {
      if (this.filled) this.emit(this.frame.slice(0, this.filled));
      this.filled = 0;
    }
  }

  // One AudioContext for the page, made on the first press (browsers only start audio after a gesture).
  async function captureContext() {
    const AudioCtx = window.AudioContext || window.webkitAudioContext;
    if (!AudioCtx) return null;
    if (!state.audioCtx) {
      state.audioCtx = new AudioCtx({ latencyHint: "interactive" });
      state.workletReady = state.audioCtx.audioWorklet
        ? state.audioCtx.audioWorklet.addModule(el.talk.dataset.worklet).then(() => true, () => false)
        : Promise.resolve(false);
    }
    if (state.audioCtx.state === "suspended") await state.audioCtx.resume().catch(() => {});
    return state.audioCtx;
  }
  // Feeds `onSamples` with Float32 mono at ctx.sampleRate; returns a function that stops it.
  async function captureMicrophone(stream, onSamples) {
    const ctx = await captureContext();
    if (!ctx) return null;
    const source = ctx.createMediaStreamSource(stream);
    let node;
    if (await state.workletReady) {
      node = new AudioWorkletNode(ctx, "pcm-capture",
        { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1, channelCountMode: "explicit" });
      node.port.onmessage = (event) => onSamples(event.data);
    } else if (ctx.createScriptProcessor) {               // older browsers: deprecated but widely there
      node = ctx.createScriptProcessor(4096, 1, 1);
      node.onaudioprocess = (event) => onSamples(new Float32Array(event.inputBuffer.getChannelData(0)));
    } else return null;
    // Connected to the speakers only so the graph keeps pulling it; its output stays silent (no echo).
    source.connect(node);
    node.connect(ctx.destination);
    return () => {
      try { source.disconnect(); node.disconnect(); } catch (_) { /* already gone */ }
      if (node.port) node.port.onmessage = null; else node.onaudioprocess = null;
    };
  }

  function streamUrl() {
    return `${window.location.protocol === "https:" ? "wss:" : "ws:"}//${window.location.host}${streamPath}`;
  }
  function showPartial(turn, text) {
    if (!text || turn.resultShown) return;
    turn.partials.push(text);
    el.heard.dataset.partials = String(turn.partials.length);  // a plain count, handy for checks
    const now = performance.now();
    const paint = () => { turn.paintTimer = null; turn.lastPaint = performance.now();
      if (!turn.resultShown && !turn.done) { el.heard.classList.add("is-partial"); el.heard.textContent = turn.partials.at(-1); } };
    // Throttled: seniors read along, and a screen reader would otherwise chase every word.
    if (now - turn.lastPaint >= PARTIAL_MIN_GAP_MS) paint();
    else if (!turn.paintTimer) turn.paintTimer = window.setTimeout(paint, PARTIAL_MIN_GAP_MS - (now - turn.lastPaint));
  }
  function settleHeard() {
    el.heard.classList.remove("is-partial");
    el.heard.setAttribute("aria-busy", "false");  // the live region now announces the final text once
  }

  function startLive(stream) {
    if (!streamPath || !window.WebSocket) return null;
    const turn = { ws: null, open: false, failed: false, ended: false, resultShown: false, done: false,
                   queue: [], partials: [], lastPaint: 0, paintTimer: null, stopCapture: null,
                   blob: null, timer: null };
    try { turn.ws = new WebSocket(streamUrl()); } catch (_) { return null; }  // e.g. blocked by policy
    turn.ws.binaryType = "arraybuffer";
    el.heard.setAttribute("aria-busy", "true");  // partial text is visual; announce only the final one
    turn.timer = window.setTimeout(() => { if (!turn.open) liveFailed(turn); }, OPEN_TIMEOUT_MS);
    const send = (frame) => {
      if (turn.failed || turn.ended) return;
      if (turn.open) turn.ws.send(frame.buffer); else turn.queue.push(frame);  // kept until it opens
    };
    turn.downsampler = null;  // made on the first samples, when the device's rate is known
    const onSamples = (samples) => {
      turn.downsampler ??= new Downsampler(state.audioCtx.sampleRate, send);
      turn.downsampler.push(samples);
    };
    captureMicrophone(stream, onSamples).then((stop) => {
      if (!stop) { liveFailed(turn); return; }
      if (turn.done || turn.ended) { stop(); return; }    // the turn ended while the graph was built
      turn.stopCapture = stop;
    }, () => liveFailed(turn));
    turn.ws.addEventListener("open", () => {
      if (turn.failed) return;
      turn.open = true;
      window.clearTimeout(turn.timer);
      // The server keeps the utterance open until "end" (vad_end false): seniors often pause
      // mid-sentence, and the person, not a silence timer, decides when the question is over.
      turn.ws.send(JSON.stringify(withPlace({ type: "config", sample_rate: STREAM_RATE, audio_format: "wav",
                                              vad_end: false })));
      for (const frame of turn.queue) turn.ws.send(frame.buffer);
      turn.queue = [];
      if (turn.ended) turn.ws.send(JSON.stringify({ type: "end" }));  // they stopped before it opened
    });
    turn.ws.addEventListener("message", (event) => onLiveMessage(turn, event.data));
    turn.ws.addEventListener("close", () => liveFailed(turn));  // no-ops once answered or closed by us
    turn.ws.addEventListener("error", () => liveFailed(turn));
    return turn;
  }
  function onLiveMessage(turn, data) {
    if (turn.failed || turn !== live) return;
    if (typeof data !== "string") {                      // one playable WAV per reply sentence
      if (turn.resultShown) addReplyAudio(URL.createObjectURL(new Blob([data], { type: "audio/wav" })));
      return;
    }
    let message;
    try { message = JSON.parse(data); } catch (_) { return; }
    if (message.type === "partial") showPartial(turn, message.text);
    else if (message.type === "result") liveResult(turn, message);
    else if (message.type === "audio_end") { endReplyAudio(); closeLive(turn); }
    else if (message.type === "error" && !turn.resultShown) {
      if (FINAL_CODES.has(message.code)) {                // the audio itself was the problem
        closeLive(turn); endTurnQuietly(); settleHeard();
        setBusy(false); setStatus(message.message || words.network_error, true);
        return;
      }
      if (message.code === "unknown-session") { state.sessionId = null; sessionStorage.removeItem(STORE.session); }
      liveFailed(turn);
    }
  }
  function liveResult(turn, result) {
    turn.resultShown = true;
    window.clearTimeout(turn.timer); window.clearTimeout(turn.paintTimer);
    if (isRecording()) stopRecording();                  // the server ended it (time limit): stop listening
    settleHeard();
    delete result.type;
    show(result, result.transcript || "", { streamedAudio: [] });  // sentences are added as they come
    setBusy(false);
  }
  // The socket did not work out: fall back to posting what MediaRecorder captured. Ignored
  // once the turn is answered or we closed the socket ourselves (turn.done).
  function liveFailed(turn) {
    if (turn.failed || turn.resultShown || turn.done) return;
    turn.failed = true;
    closeLive(turn);
    if (turn !== live) return;
    if (turn.blob) { settleHeard(); sendAudio(turn.blob); return; }  // recording is finished: post it now
    // Still recording (or stopping): MediaRecorder carries on, and finishRecording posts it.
    if (state.recorder) return;
    settleHeard(); setBusy(false); setStatus(words.network_error, true);  // no safety net on this browser
  }
  function closeLive(turn) {
    turn.done = true;
    // A partial still waiting to be painted must not cover the answer that the fallback brings.
    window.clearTimeout(turn.timer); window.clearTimeout(turn.paintTimer); turn.paintTimer = null;
    if (turn.stopCapture) { turn.stopCapture(); turn.stopCapture = null; }
    try { turn.ws.close(); } catch (_) { /* already closed */ }
  }
  function endTurnQuietly() {
    if (state.recorder) state.recorder.liveDiscard = true;
    if (isRecording()) stopRecording();
  }

  async function startRecording() {
    const canStream = Boolean(streamPath && window.WebSocket && (window.AudioContext || window.webkitAudioContext));
    if (!audioEnabled || !navigator.mediaDevices?.getUserMedia || !(window.MediaRecorder || canStream)) {
      setStatus(words.no_microphone, true); el.input.focus(); return false;
    }
    stopSpeaking();
    if (live) { closeLive(live); live = null; }
    // Made inside the gesture: a context created later may stay suspended on phones.
    if (canStream) captureContext().catch(() => {});
    try {
      state.stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    } catch (_) {
      setStatus(words.mic_denied, true); state.pressMode = null; el.input.focus(); return false;
    }
    state.chunks = [];
    state.recorder = null;
    if (window.MediaRecorder) {
      const mimeType = pickMimeType();
      state.recorder = new MediaRecorder(state.stream, mimeType ? { mimeType } : undefined);
      state.recorder.addEventListener("dataavailable", (e) => { if (e.data && e.data.size) state.chunks.push(e.data); });
      state.recorder.addEventListener("stop", finishRecording);
      state.recorder.start(250);
    }
    live = canStream ? startLive(state.stream) : null;
    state.startedAt = performance.now();
    state.stopTimer = window.setTimeout(stopRecording, MAX_RECORD_MS);
    setRecording(true, state.pressMode === "pending");
    if (state.pressMode === "release-now") stopRecording();
    return true;
  }
  function stopRecording() {
    window.clearTimeout(state.stopTimer);
    state.pressMode = null;
    const turn = live;
    if (turn && !turn.failed && !turn.resultShown && !turn.ended && !turn.done) {
      const tooShort = performance.now() - state.startedAt < MIN_RECORD_MS;
      if (turn.stopCapture) { turn.stopCapture(); turn.stopCapture = null; }
      turn.downsampler?.flush();                          // the last part-frame
      turn.ended = true;
      if (tooShort) closeLive(turn);                      // finishRecording says "too short"
      else {
        setBusy(true); setStatus(words.thinking);
        if (turn.open) turn.ws.send(JSON.stringify({ type: "end" }));  // else sent when it opens
        window.clearTimeout(turn.timer);
        turn.timer = window.setTimeout(() => liveFailed(turn), RESULT_TIMEOUT_MS);
      }
    }
    if (state.recorder && state.recorder.state !== "inactive") state.recorder.stop();
    else if (!state.recorder && state.stream) finishRecording();  // streaming without a recorder
  }
  function finishRecording() {
    const recorder = state.recorder;
    const elapsed = performance.now() - state.startedAt;
    if (state.stream) state.stream.getTracks().forEach((track) => track.stop());
    state.stream = null; state.recorder = null;
    setRecording(false);
    const blob = new Blob(state.chunks, { type: recorder?.mimeType || "audio/webm" });
    state.chunks = [];
    const turn = live;
    if (recorder?.liveDiscard || (turn && turn.resultShown)) return;  // the live path already answered
    if (elapsed < MIN_RECORD_MS || (recorder && blob.size < 200)) {
      if (turn) { closeLive(turn); live = null; }
      settleHeard(); setBusy(false); setStatus(words.too_short, true); return;
    }
    if (turn && !turn.failed) {                           // live answer on its way: keep this as the spare
      turn.blob = recorder ? blob : null;
      if (!turn.ended) stopRecording();                   // stopped from elsewhere (the browser, a track end)
      return;
    }
    settleHeard();
    if (recorder) sendAudio(blob);
  }
  const isRecording = () => Boolean(state.stream && (!state.recorder || state.recorder.state === "recording"));
  el.talk.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || state.busy) return;
    event.preventDefault();
    el.talk.focus();
    if (isRecording()) { stopRecording(); return; }      // second tap ends a tap-started recording
    if (state.pressMode) return;
    state.pressMode = "pending"; state.pressAt = performance.now();
    startRecording();
  });
  const release = () => {
    if (state.pressMode !== "pending") return;
    if (performance.now() - state.pressAt >= HOLD_MS) {   // it was held: releasing ends the question
      if (isRecording()) stopRecording(); else state.pressMode = "release-now";
    } else {
      state.pressMode = null;                             // a short tap: keep listening until the next tap
      if (isRecording()) setStatus(words.listening);
    }
  };
  el.talk.addEventListener("pointerup", release);
  el.talk.addEventListener("pointercancel", release);
  el.talk.addEventListener("contextmenu", (event) => event.preventDefault());
  el.talk.addEventListener("click", (event) => {
    if (event.detail !== 0 || state.busy) return;         // keyboard (Enter / Space): toggle
    if (isRecording()) stopRecording(); else startRecording();
  });

  /* ---------- typed question, repeat, slower ---------- */
  el.form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = el.input.value;
    sendText(text).then(() => { if (!el.status.classList.contains("is-error")) el.input.value = ""; });
  });
  el.repeat.addEventListener("click", () => sendText(words.repeat_text, { shown: false, replayOnSame: true }));
  el.slower.addEventListener("click", () => sendText(words.slower_text, { shown: false }));
})();
