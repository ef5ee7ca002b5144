"""discord.py side of the gateway-ingest comparison.

Reads the workload file written by `ingest-generate` / `ingest-compare` (the same compressed bytes the Apus side
reads) and runs discord.py's own inbound path on it, in memory:

- decompression with discord.py's gateway context (`discord.utils._ActiveDecompressionContext`, the zstd-stream
  context over `zstandard` that `DiscordWebSocket` uses),
- `discord.utils._from_json` (orjson when installed, as with `discord.py[speed]`),
- `ConnectionState.parsers[event](data)` with the guilds populated by the stream's own READY and GUILD_CREATE.

Handlers read the fields discord.py materialises and fold them into the checksum defined in
`Sources/IngestWorkload/FieldChecksum.swift` (hash = hash * 31 + value mod 2**64; strings as CRC-32 of UTF-8).

Usage: python ingest_discordpy.py FILE [--rounds N] [--mode checksum|parse-only]
Prints one JSON object per round: {"round", "mode", "seconds", "dispatches", "handled", "checksum"}.
"""

import argparse
import asyncio
import datetime
import json
import struct
import sys
import time
import zlib

import discord
from discord import utils
from discord.http import HTTPClient
from discord.state import ConnectionState

MASK = (1 << 64) - 1
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
MILLISECOND = datetime.timedelta(milliseconds=1)
crc32 = zlib.crc32


def read_workload(path):
    with open(path, 'rb') as handle:
        blob = handle.read()
    if blob[:8] != b'APUSING1':
        raise SystemExit(f'{path}: not an Apus ingest workload file')
    setup, count = struct.unpack_from('<II', blob, 8)
    offset = 16
    messages = []
    for _ in range(count):
        (length,) = struct.unpack_from('<I', blob, offset)
        offset += 4
        messages.append(blob[offset:offset + length])
        offset += length
    return setup, messages


def text(value):
    return 0 if value is None else crc32(value.encode('utf-8'))


def milliseconds(value):
    return 0 if value is None else (value - EPOCH) // MILLISECOND


class ChecksumHandlers:
    """Receives `ConnectionState.dispatch` calls and reads the fields of the six events of the mix."""

    def __init__(self):
        self.value = 0
        self.handled = 0

    def dispatch(self, event, *args):
        handler = getattr(self, 'on_' + event, None)
        if handler is not None:
            self.handled += 1
            handler(*args)

    def fold(self, *values):
        h = self.value
        for v in values:
            h = (h * 31 + v) & MASK
        self.value = h

    def on_message(self, m):
        author = m.author
        roles = getattr(author, '_roles', ())
        self.fold(1, m.id, m.channel.id, m.guild.id if m.guild else 0, author.id, text(author.name),
                  text(author.global_name), sum(roles) & MASK, len(roles), text(getattr(author, 'nick', None)),
                  text(m.content), milliseconds(m.created_at), milliseconds(m.edited_at), len(m.mentions))
        for mentioned in m.mentions:
            self.fold(mentioned.id)
        self.fold(len(m.attachments))
        for a in m.attachments:
            self.fold(a.id, text(a.filename), a.size, text(a.url))
        self.fold(len(m.embeds))
        for e in m.embeds:
            self.fold(text(e.title), text(e.description), text(e.url))

    def on_raw_typing(self, raw):
        self.fold(2, raw.channel_id, raw.guild_id or 0, raw.user_id, int(raw.timestamp.timestamp()))

    def on_raw_reaction_add(self, raw):
        emoji = raw.emoji
        member = raw.member
        roles = member._roles if member is not None else ()
        self.fold(3, raw.message_id, raw.user_id, raw.channel_id, raw.guild_id or 0, emoji.id or 0, text(emoji.name),
                  sum(roles) & MASK, len(roles))

    def on_presence_update(self, before, after):
        activities = after.activities
        self.fold(4, after.id, text(after.raw_status), len(activities))
        for activity in activities:
            self.fold(text(activity.name))

    def on_member_update(self, before, after):
        roles = after._roles
        self.fold(5, after.id, text(after.name), text(after.nick), sum(roles) & MASK, len(roles))

    def on_raw_message_edit(self, raw):
        m = raw.message
        self.fold(6, raw.message_id, raw.channel_id, raw.guild_id or 0, text(m.content), milliseconds(m.edited_at))


def ignore(event, *args):
    pass


def make_state(dispatch):
    intents = discord.Intents.all()
    return ConnectionState(
        dispatch=dispatch, handlers={}, hooks={}, http=HTTPClient(asyncio.get_running_loop()),
        intents=intents, member_cache_flags=discord.MemberCacheFlags.from_intents(intents), max_messages=1000,
        chunk_guilds_at_startup=False,
    )


def run_round(messages, mode):
    """Runs discord.py's inbound path over every message; returns (seconds, dispatches, checksum)."""
    handlers = ChecksumHandlers()
    state = make_state(handlers.dispatch if mode == 'checksum' else ignore)
    parsers = state.parsers
    decompressor = utils._ActiveDecompressionContext()
    if decompressor.COMPRESSION_TYPE != 'zstd-stream':
        raise SystemExit('discord.py is not using zstd-stream: install discord.py[speed] (zstandard)')
    from_json = utils._from_json
    dispatches = 0
    started = time.perf_counter()
    for payload in messages:
        # What DiscordWebSocket.received_message does with a binary message.
        raw = decompressor.decompress(payload)
        msg = from_json(raw)
        event = msg.get('t')
        if event:
            dispatches += 1
            parsers[event](msg['d'])
    seconds = time.perf_counter() - started
    if state._ready_task is not None:
        state._ready_task.cancel()
    return seconds, dispatches, handlers.handled, handlers.value


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('file')
    parser.add_argument('--rounds', type=int, default=3)
    parser.add_argument('--mode', choices=['checksum', 'parse-only'], default='checksum')
    args = parser.parse_args()
    _, messages = read_workload(args.file)
    for index in range(args.rounds):
        seconds, dispatches, handled, checksum = run_round(messages, args.mode)
        print(json.dumps({'round': index, 'mode': args.mode, 'seconds': seconds, 'dispatches': dispatches,
                          'handled': handled, 'checksum': str(checksum)}), flush=True)


if __name__ == '__main__':
    asyncio.run(main())
