// Server-sent events read from a fetch() body (EventSource cannot send the bearer token): text comes in
// pieces of any size, frames end with a blank line. Only what the live channel uses: `event:`,
// `data:` (lines joined) and comment lines (`: heartbeat`).

export interface EventFrame {
  event?: string;
  data?: string;
  /** A frame made only of comments (a heartbeat). */
  comment?: string;
}

/** The complete frames in `text`, and the unfinished rest to prepend to the next piece. */
export function parseEventFrames(text: string): { frames: EventFrame[]; rest: string } {
  const normalised = text.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const frames: EventFrame[] = [];
  for (const block of blocks) {
    if (block === '') continue;
    const frame: EventFrame = {};
    const data: string[] = [];
    const comments: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) comments.push(line.slice(1).trim());
      else if (line.startsWith('event:')) frame.event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length > 0) frame.data = data.join('\n');
    if (frame.event === undefined && data.length === 0) frame.comment = comments.join('\n');
    frames.push(frame);
  }
  return { frames, rest };
}
