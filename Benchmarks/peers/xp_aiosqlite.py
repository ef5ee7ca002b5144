"""The XP benchmark's Python peer: the levels listener of the bot Apus replaces, per message, on aiosqlite.

For each message, in order (the original's xp_listener with its controller calls): read the member's row; with no
row, the UPDATE matches nothing and a row is created with 0 XP (the first message earns nothing); skip blacklisted
members and messages within the cooldown; the largest role multiplier (@everyone counts 1) is added; the level is
recomputed with the original formula; UPDATE, then the controller's get-or-create read; commit (one durable commit
per message, WAL, synchronous=FULL). On a level-up the reward role changes are computed (not sent: no Discord here).

Usage: python xp_aiosqlite.py WORKLOAD DBPATH
Prints one JSON object: {"seconds", "messages", "writes", "level_ups", "role_adds", "role_removes", "checksum"}.
"""
import asyncio
import json
import os
import sys
import time

import aiosqlite


def calculate_level(xp, exponent):
    return int((max(0.0, xp) / 500) ** (1 / exponent) * 5)


def read_workload(path):
    with open(path) as handle:
        rules = json.loads(handle.readline())
        messages = []
        for line in handle:
            guild, channel, author, timestamp, roles = (line.rstrip('\n').split(' ') + [''])[:5]
            messages.append((int(guild), int(channel), int(author), int(timestamp),
                             [int(r) for r in roles.split(',') if r]))
    return rules, messages


async def run(workload, db_path):
    rules, messages = read_workload(workload)
    multipliers = {int(k): float(v) for k, v in rules['multipliers'].items()}
    rewards = {int(k): int(v) for k, v in rules['rewards'].items()}
    reward_roles = set(rewards.values())
    cooldown_ms = rules['cooldown'] * 1000
    exponent = rules['exponent']
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    db = await aiosqlite.connect(db_path)
    await db.execute('PRAGMA journal_mode=WAL')
    await db.execute('PRAGMA synchronous=FULL')
    await db.execute('CREATE TABLE levels (member_id INTEGER NOT NULL, guild_id INTEGER NOT NULL, xp REAL NOT NULL, '
                     'level INTEGER NOT NULL, blacklisted INTEGER NOT NULL, last_message INTEGER NOT NULL, '
                     'PRIMARY KEY (member_id, guild_id))')
    await db.commit()
    writes = level_ups = role_adds = role_removes = 0
    start = time.perf_counter()
    for guild, channel, author, now, roles in messages:
        cursor = await db.execute('SELECT xp, level, blacklisted, last_message FROM levels '
                                  'WHERE member_id = ? AND guild_id = ?', (author, guild))
        row = await cursor.fetchone()
        await cursor.close()
        if row is None:
            await db.execute('INSERT INTO levels (member_id, guild_id, xp, level, blacklisted, last_message) '
                             'VALUES (?, ?, 0.0, 0, 0, ?)', (author, guild, now))
            await db.commit()
            writes += 1
            continue
        xp, level, blacklisted, last_message = row
        if blacklisted or now - last_message < cooldown_ms:
            continue
        increment = max([multipliers.get(role, 1) for role in roles + [guild]], default=1)
        new_xp = xp + increment
        new_level = calculate_level(new_xp, exponent)
        await db.execute('UPDATE levels SET xp = ?, level = ?, last_message = ? WHERE member_id = ? AND guild_id = ?',
                         (new_xp, new_level, now, author, guild))
        cursor = await db.execute('SELECT xp, level, blacklisted, last_message FROM levels '
                                  'WHERE member_id = ? AND guild_id = ?', (author, guild))
        await cursor.fetchone()
        await cursor.close()
        await db.commit()
        writes += 1
        if new_level > level:
            level_ups += 1
            earned = [role for lvl, role in sorted(rewards.items()) if lvl <= new_level]
            held = set(roles)
            if earned and earned[-1] not in held:
                role_adds += 1
            role_removes += len((held & reward_roles) - set(earned[-1:]))
    seconds = time.perf_counter() - start
    checksum = 0
    cursor = await db.execute('SELECT member_id, guild_id, xp, level FROM levels ORDER BY guild_id, member_id')
    async for member_id, guild_id, xp, level in cursor:
        checksum = (checksum * 31 + member_id + guild_id + int(xp * 2) + level) % (1 << 64)
    await cursor.close()
    await db.close()
    print(json.dumps({'seconds': seconds, 'messages': len(messages), 'writes': writes, 'level_ups': level_ups,
                      'role_adds': role_adds, 'role_removes': role_removes, 'checksum': str(checksum)}), flush=True)


if __name__ == '__main__':
    asyncio.run(run(sys.argv[1], sys.argv[2]))
