import { createInterface } from 'node:readline';
import type { Sandbox } from '../bot/wechaty/sandbox-worlds.js';
import type { OutboxMessage } from '../tickets/outbox.js';

export type ReplIo = { input: NodeJS.ReadableStream; output: (line: string) => void; prompt: boolean };

const HELP = [
  'Type a message and press Enter to send it. Lines starting with / are sandbox commands:',
  '  /as NAME        speak as NAME (anyone: a resident, or staff from the directory, e.g. 李明)',
  '  /in GROUP       speak in a group (its topic or number from /groups); /in - for a private chat with the bot',
  '  /at TEXT        send TEXT with an @-mention of the bot',
  '  /photo [FILE]   send a photo as the speaker (FILE is a name; nothing is read from disk), e.g. /photo leak.jpg',
  '  /voice [FILE]   send a voice message as the speaker',
  '  /groups         list the groups, numbered for /in',
  '  /people         list the people of the directory (staff); anyone else you name is a resident',
  '  /tickets        list the tickets in the store',
  '  /help /quit     (arrow keys recall earlier lines; Ctrl-D also quits)',
];

export type ReplDeps = {
  world: Sandbox;
  listTickets: () => Promise<string[]>;
  waitIdle: () => Promise<void>;
};

/** A terminal chat with the sandbox: choose who speaks and where, and see what the bot answers. */
export async function runSandboxRepl(deps: ReplDeps, io: ReplIo): Promise<void> {
  const groups = deps.world.roomTopics();
  let speaker = '王阿姨';
  let room: string | null = groups[0] ?? null;
  const where = () => (room === null ? 'private chat with the bot' : room);
  io.output(`Shaozi sandbox. You are ${speaker} in ${where()}. /help lists the commands.`);
  // on a terminal, readline edits the line and keeps a history (arrow keys never become messages) and
  // reads lines of any length; piped input is read line by line as it comes
  const rl = io.prompt
    ? createInterface({ input: io.input, output: process.stdout, terminal: true, historySize: 500 })
    : createInterface({ input: io.input, terminal: false });
  const promptLine = () => {
    if (io.prompt) {
      rl.setPrompt(`${speaker} @ ${room ?? '私聊'}> `);
      rl.prompt();
    }
  };
  promptLine();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') {
      break;
    }
    if (line.length === 0) {
      promptLine();
      continue;
    }
    const [verb, ...rest] = line.split(/\s+/);
    const arg = rest.join(' ');
    if (verb === '/help') {
      for (const l of HELP) {
        io.output(l);
      }
    } else if (verb === '/as' && arg) {
      speaker = arg;
      io.output(`You are now ${speaker} in ${where()}.`);
    } else if (verb === '/in' && arg) {
      const picked =
        arg === '-' ? null : (groups[Number(arg) - 1] ?? groups.find((g) => g === arg || g.includes(arg)));
      if (picked === undefined) {
        io.output(`No group "${arg}". /groups lists them.`);
      } else {
        room = picked;
        io.output(`${speaker} now speaks in ${where()}.`);
      }
    } else if (verb === '/groups') {
      for (const [i, g] of groups.entries()) {
        io.output(`  ${i + 1}. ${g}`);
      }
    } else if (verb === '/people') {
      io.output(`  ${deps.world.people().join(' ')}`);
    } else if (verb === '/tickets') {
      const lines = await deps.listTickets();
      for (const l of lines.length > 0 ? lines : ['  (no tickets yet)']) {
        io.output(l);
      }
    } else if (verb === '/photo') {
      deps.world.say({ from: speaker, room, image: arg || 'photo.jpg' });
    } else if (verb === '/voice') {
      deps.world.say({ from: speaker, room, voice: arg || 'voice.silk' });
    } else if (verb === '/at') {
      deps.world.say({ from: speaker, room, text: arg, mention: true });
    } else if (verb?.startsWith('/') && !/^\/\S*[\u4e00-\u9fff\d]/.test(line)) {
      io.output(`Unknown sandbox command ${verb}. /help lists them.`);
    } else {
      deps.world.say({ from: speaker, room, text: line });
    }
    await deps.waitIdle();
    promptLine();
  }
  rl.close();
}

/** One line of what the bot said, as the sandbox shows it. */
export function formatSent(message: OutboxMessage, botName: string): string {
  if (message.room === null) {
    return `  [私聊 → ${message.to}] ${botName}: ${message.text}`;
  }
  const mentions = message.mentions.map((m) => `@${m} `).join('');
  return `  [${message.room}] ${botName}: ${mentions}${message.text}`;
}
