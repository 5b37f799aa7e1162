/* AudioWorklet for the citizen page: hands the microphone's samples to the page in batches.
 *
 * Served as our own static file (not a Blob URL) so the page's CSP can stay at
 * `script-src 'self'`: worklet modules are governed by script-src. The processor does no
 * resampling; the page turns the batches into 16 kHz PCM16 frames for the WebSocket, using
 * the same code as its ScriptProcessorNode fallback. */
class PcmCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    // 2048 samples is about 43 ms at 48 kHz: few enough messages, small enough delay.
    this.batch = new Float32Array(2048);
    this.filled = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];  // the node is created with channelCount 1 (mono mix)
    if (channel) {
      let offset = 0;
      while (offset < channel.length) {
        const take = Math.min(channel.length - offset, this.batch.length - this.filled);
        this.batch.set(channel.subarray(offset, offset + take), this.filled);
        this.filled += take;
        offset += take;
        if (this.filled === this.batch.length) {
          // Transfer, not copy: the page owns the buffer from here on.
          const full = this.batch;
          this.port.postMessage(full, [full.buffer]);
          this.batch = new Float32Array(2048);
          this.filled = 0;
        }
      }
    }
    return true;  // keep running until the page disconnects the node
  }
}

registerProcessor("pcm-capture", PcmCapture);
