"""discord.py side of the cache-memory comparison.

Reads the workload written by `cache-compare` (one `NAME<TAB>JSON` line per dispatch: GUILD_CREATE lines, then
MESSAGE_CREATE lines) and feeds each payload to discord.py's own `ConnectionState` parsers, with the members intent on,
presences off, no chunking, and `max_messages` large enough to keep every message. Each payload is decoded inside its
phase and dropped after parsing, so `tracemalloc` counts only what discord.py's caches keep.

Usage: python cache_discordpy.py FILE
Prints one JSON object: {"version", "members", "member_bytes", "messages", "message_bytes"}.
"""

import asyncio
import gc
import json
import sys
import tracemalloc

import discord
from discord.http import HTTPClient
from discord.state import ConnectionState


def ignore(event, *args):
    pass


def live_bytes():
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


async def main():
    with open(sys.argv[1], 'rb') as handle:
        lines = handle.read().split(b'\n')
    guild_lines = [line.split(b'\t', 1)[1] for line in lines if line.startswith(b'GUILD_CREATE\t')]
    message_lines = [line.split(b'\t', 1)[1] for line in lines if line.startswith(b'MESSAGE_CREATE\t')]

    intents = discord.Intents.default()
    intents.members = True
    intents.message_content = True
    intents.presences = False
    state = ConnectionState(
        dispatch=ignore, handlers={}, hooks={}, http=HTTPClient(asyncio.get_running_loop()), intents=intents,
        member_cache_flags=discord.MemberCacheFlags.from_intents(intents), max_messages=len(message_lines) + 1,
        chunk_guilds_at_startup=False,
    )
    parse_guild_create = state.parsers['GUILD_CREATE']
    parse_message_create = state.parsers['MESSAGE_CREATE']

    tracemalloc.start()
    before = live_bytes()
    for raw in guild_lines:
        parse_guild_create(json.loads(raw))
    member_bytes = live_bytes() - before
    members = sum(len(guild.members) for guild in state.guilds)

    before = live_bytes()
    for raw in message_lines:
        parse_message_create(json.loads(raw))
    message_bytes = live_bytes() - before
    messages = len(state._messages)
    tracemalloc.stop()

    print(json.dumps({'version': 'discord.py ' + discord.__version__, 'members': members, 'member_bytes': member_bytes,
                      'messages': messages, 'message_bytes': message_bytes}), flush=True)


if __name__ == '__main__':
    asyncio.run(main())
