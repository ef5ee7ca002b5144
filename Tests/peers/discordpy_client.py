"""A real discord.py client pointed at the Apus simulator (used by DiscordPyInteropTests).

Usage: discordpy_client.py API_BASE GATEWAY_URL TOKEN COMPRESSION TIMEOUT_SECONDS

It logs in, prints READY / GUILD_AVAILABLE / MESSAGE_CREATE lines as they happen, answers "!ping" with a reply through
discord.py's own REST code, then closes. Exit code 0 means the whole exchange happened.
"""
import asyncio
import sys

api_base, gateway_url, token, compression, timeout = sys.argv[1:6]
if compression == "zlib-stream":
    # discord.py picks zstd-stream whenever a zstd module imports; hide them so it uses its zlib-stream context.
    sys.modules["zstandard"] = None
    sys.modules["compression.zstd"] = None

import discord  # noqa: E402
import yarl  # noqa: E402
from discord import utils  # noqa: E402
from discord.gateway import DiscordWebSocket  # noqa: E402

# Point discord.py's REST base and default gateway at the simulator.
discord.http.Route.BASE = api_base
DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
if utils._ActiveDecompressionContext.COMPRESSION_TYPE != compression:
    print(f"FAIL discord.py would use {utils._ActiveDecompressionContext.COMPRESSION_TYPE}, not {compression}"
          " (zstd-stream needs pip install 'discord.py[speed]')", flush=True)
    sys.exit(3)
print("COMPRESSION", utils._ActiveDecompressionContext.COMPRESSION_TYPE, flush=True)

intents = discord.Intents.default()
intents.message_content = True
client = discord.Client(intents=intents)
replied = False


@client.event
async def on_ready():
    print("READY", client.user.id, len(client.guilds), flush=True)


@client.event
async def on_guild_available(guild):
    print("GUILD_AVAILABLE", guild.id, len(guild.text_channels), flush=True)


@client.event
async def on_message(message):
    global replied
    if message.author.id == client.user.id:
        return
    print("MESSAGE_CREATE", message.id, message.author.name, message.content, flush=True)
    if message.content == "!ping":
        reply = await message.channel.send("pong from discord.py")
        print("REPLIED", reply.id, flush=True)
        replied = True
        await client.close()


async def main():
    async with client:
        try:
            await asyncio.wait_for(client.start(token), timeout=float(timeout))
        except asyncio.TimeoutError:
            print("FAIL timed out", flush=True)


asyncio.run(main())
sys.exit(0 if replied else 1)
