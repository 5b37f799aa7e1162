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
    lastReply: "", lastAudioUrl: null,
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
  function show(result, heardText, { replayOnSame = false } = {}) {
    if (result.session_id) { state.sessionId = result.session_id; write(sessionStorage, STORE.session, result.session_id); }
    const reply = result.reply || "";
    if (heardText) el.heard.textContent = heardText;
    el.answer.textContent = reply;
    el.answer.classList.toggle("is-slow", Boolean(result.slow));
    renderReceipt(result.receipt || (result.actions || []).find((a) => a.type === "receipt")?.receipt);
    renderActions(result.actions || []);
    addHistory(heardText, reply);
    setStatus(words.ready);
    const sameAsBefore = replayOnSame && reply === state.lastReply && state.lastAudioUrl;
    const audioUrl = result.reply_audio_url || (sameAsBefore ? state.lastAudioUrl : null);
    state.lastReply = reply;
    if (result.reply_audio_url) state.lastAudioUrl = result.reply_audio_url;
    speak(reply, audioUrl, Boolean(result.slow));
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

  /* ---------- speaking the answer ---------- */
  function stopSpeaking() {
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
  function speak(text, audioUrl, slow) {
    stopSpeaking();
    if (!el.speak.checked) return;
    if (audioUrl && !el.browserVoice.checked) {
      el.audio.src = audioUrl;
      el.audio.play().catch(() => speakWithBrowser(text, slow));
      return;
    }
    speakWithBrowser(text, slow);
  }

  /* ---------- push to talk ---------- */
  const audioEnabled = el.talk.dataset.audioEnabled === "yes";
  function pickMimeType() {
    const types = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"];
    return types.find((t) => window.MediaRecorder?.isTypeSupported?.(t)) || "";
  }
  function setRecording(on, hold) {
    el.talk.setAttribute("aria-pressed", on ? "true" : "false");
    el.talkLabel.textContent = on ? words.talk_stop : el.talkLabel.dataset.idle;
    if (on) setStatus(hold ? words.listening_hold : words.listening);
  }
  async function startRecording() {
    if (!audioEnabled || !navigator.mediaDevices?.getUserMedia || !window.MediaRecorder) {
      setStatus(words.no_microphone, true); el.input.focus(); return false;
    }
    stopSpeaking();
    try {
      state.stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    } catch (_) {
      setStatus(words.mic_denied, true); state.pressMode = null; el.input.focus(); return false;
    }
    const mimeType = pickMimeType();
    state.recorder = new MediaRecorder(state.stream, mimeType ? { mimeType } : undefined);
    state.chunks = [];
    state.recorder.addEventListener("dataavailable", (e) => { if (e.data && e.data.size) state.chunks.push(e.data); });
    state.recorder.addEventListener("stop", finishRecording);
    state.recorder.start(250);
    state.startedAt = performance.now();
    state.stopTimer = window.setTimeout(stopRecording, MAX_RECORD_MS);
    setRecording(true, state.pressMode === "pending");
    if (state.pressMode === "release-now") stopRecording();
    return true;
  }
  function stopRecording() {
    window.clearTimeout(state.stopTimer);
    state.pressMode = null;
    if (state.recorder && state.recorder.state !== "inactive") state.recorder.stop();
  }
  function finishRecording() {
    const recorder = state.recorder;
    const elapsed = performance.now() - state.startedAt;
    if (state.stream) state.stream.getTracks().forEach((track) => track.stop());
    state.stream = null; state.recorder = null;
    setRecording(false);
    const blob = new Blob(state.chunks, { type: recorder?.mimeType || "audio/webm" });
    state.chunks = [];
    if (elapsed < MIN_RECORD_MS || blob.size < 200) { setStatus(words.too_short, true); return; }
    sendAudio(blob);
  }
  const isRecording = () => Boolean(state.recorder && state.recorder.state === "recording");

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
