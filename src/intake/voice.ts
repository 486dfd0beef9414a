/** Ports intake reads voice messages through. */

/** The bytes of a photo or a voice message, by the reference the bot stored it under. */
export type MediaFiles = {
  read(ref: string): Promise<Uint8Array | undefined>;
};

/** Speech to text; throws when the service fails or cannot read the audio. */
export type Transcriber = {
  transcribe(input: { audio: Uint8Array; fileName: string }): Promise<string>;
};
