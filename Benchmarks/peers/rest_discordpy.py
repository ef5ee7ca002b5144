"""discord.py side of the REST-under-limits comparison.

Points discord.py's `HTTPClient` at the simulator (by patching `discord.http.Route.BASE`), logs in with the
simulator's token, then fires every message send at once (asyncio.gather) and lets discord.py's own rate-limit
handling pace them. Prints the wall time of the sends (login excluded) as JSON; the driver counts 429s on the
simulator's side.

Usage: python rest_discordpy.py --base URL --token TOKEN --channels ID,ID,... --per-channel N
"""

import argparse
import asyncio
import json
import time

import discord
from discord.http import HTTPClient, Route, handle_message_parameters


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--base', required=True)
    parser.add_argument('--token', required=True)
    parser.add_argument('--channels', required=True)
    parser.add_argument('--per-channel', type=int, default=20)
    args = parser.parse_args()
    Route.BASE = args.base
    channels = [int(c) for c in args.channels.split(',')]
    http = HTTPClient(asyncio.get_running_loop())
    await http.static_login(args.token)

    async def send(index):
        with handle_message_parameters(content=f'bench {index}') as params:
            await http.send_message(channels[index % len(channels)], params=params)

    started = time.perf_counter()
    await asyncio.gather(*(send(i) for i in range(len(channels) * args.per_channel)))
    seconds = time.perf_counter() - started
    await http.close()
    print(json.dumps({'seconds': seconds}), flush=True)


if __name__ == '__main__':
    asyncio.run(main())
