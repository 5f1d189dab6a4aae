/**
 * Encodes text into the legacy single-byte Arabic code pages, using Node's own
 * decoder tables in reverse, and into UTF-16 with a byte-order mark: real
 * bytes, as old archives hold them.
 */
export function encodeSingleByte(text: string, encoding: 'windows-1256' | 'iso-8859-6'): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const byteOf = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) {
    const char = decoder.decode(new Uint8Array([byte]));
    if (char !== '\uFFFD' && !byteOf.has(char)) byteOf.set(char, byte);
  }
  return Uint8Array.from(
    [...text].map((char) => {
      const byte = byteOf.get(char);
      if (byte === undefined) throw new Error(`${encoding} cannot encode ${JSON.stringify(char)}`);
      return byte;
    }),
  );
}

export function encodeUtf16(text: string, endianness: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, endianness === 'le');
  for (let index = 0; index < text.length; index++) view.setUint16(2 + index * 2, text.charCodeAt(index), endianness === 'le');
  return bytes;
}
