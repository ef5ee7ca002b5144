#!/usr/bin/env python3
"""Python peer of the ApusText benchmark (`text-compare`).

Extracts, from every message of the corpus file written by `text-compare`, the user/channel/role mentions,
custom emoji, message links, invites, URLs, fenced and inline code, and the markdown-stripped text, with
Python's `re` (default) or the PyPI `regex` module (`--engine regex`), using the same patterns for both.
The patterns are the bot's originals where they are correct and the corrected versions listed in
`text_patterns.md` where they are not. `strip_formatting` is the original function's six steps.

  --records FILE   write the extraction records (format: TextCorpus/CorpusFile.swift) and exit
  --rounds N       time N rounds of the extraction loop; prints "round <i> <wall seconds> <cpu seconds>"

Only the loop is timed (time.perf_counter for wall time, time.thread_time for this thread's CPU time, which
is what to compare on a shared, busy machine), not reading the file or starting Python.
"""
import argparse
import struct
import sys
import time


def load_corpus(path):
    data = open(path, "rb").read()
    messages = []
    offset = 0
    while offset < len(data):
        (length,) = struct.unpack_from("<I", data, offset)
        offset += 4
        messages.append(data[offset:offset + length].decode("utf-8"))
        offset += length
    return messages


def build(engine):
    if engine == "regex":
        import regex as re
    else:
        import re
    p = {
        "user": re.compile(r"<@!?([0-9]{15,20})>"),
        "channel": re.compile(r"<#([0-9]{15,20})>"),
        "role": re.compile(r"<@&([0-9]{15,20})>"),
        "emoji": re.compile(r"<(a)?:([a-zA-Z0-9_]{2,32}):([0-9]{18,22})>"),
        "link": re.compile(
            r"(?:https?://)?(?:canary\.|ptb\.|www\.)?discord(?:app)?\.com/channels/"
            r"([0-9]{17,22}|@me)/([0-9]{17,22})/([0-9]{17,22})"
        ),
        "invite": re.compile(r"(?:https?://)?discord(?:app)?\.(?:com/invite|gg)/([a-zA-Z0-9]+)/?", re.I | re.A),
        "url": re.compile(r"""https?://[^\s<>]*[^\s<>.,:;!?'")\]}*_~|`]"""),
        "code": re.compile(r"```(?:([A-Za-z0-9_+\-]*)\n)?([\s\S]*?)```|`([^`]+)`"),
    }
    fence = re.compile(r"```(.*?)```")
    tick = re.compile(r"`([^`]*)`")
    heading = re.compile(r"^#+\s+", re.MULTILINE)
    marks = re.compile(r"[\*_~>]")
    spaces = re.compile(r"\s+")

    def strip_formatting(content):
        content = fence.sub(r"\1", content)
        content = tick.sub(r"\1", content)
        content = heading.sub("", content)
        content = marks.sub("", content)
        content = spaces.sub(" ", content)
        return content.strip()

    user, channel, role = p["user"].finditer, p["channel"].finditer, p["role"].finditer
    emoji, link, invite = p["emoji"].finditer, p["link"].finditer, p["invite"].finditer
    url, code = p["url"].finditer, p["code"].finditer

    def extract(message):
        fenced = []
        inline = []
        for m in code(message):
            if m.group(3) is not None:
                inline.append(m.group(3))
            else:
                fenced.append((m.group(1) or "", m.group(2)))
        return (
            [m.group(1) for m in user(message)],
            [m.group(1) for m in channel(message)],
            [m.group(1) for m in role(message)],
            [m.groups() for m in emoji(message)],
            [m.groups() for m in link(message)],
            [m.group(1) for m in invite(message)],
            [m.group(0) for m in url(message)],
            fenced,
            inline,
            strip_formatting(message),
        )

    return extract


def escape(field):
    return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def write_records(messages, extract, path):
    out = []
    for index, message in enumerate(messages):
        users, channels, roles, emoji, links, invites, urls, fenced, inline, stripped = extract(message)
        out.append("M\t%d\n" % index)
        out.extend("U\t%s\n" % v for v in users)
        out.extend("C\t%s\n" % v for v in channels)
        out.extend("R\t%s\n" % v for v in roles)
        out.extend("E\t%s\t%s\t%s\n" % (a or "", name, eid) for a, name, eid in emoji)
        out.extend("L\t%s\t%s\t%s\n" % g for g in links)
        out.extend("I\t%s\n" % escape(v) for v in invites)
        out.extend("W\t%s\n" % escape(v) for v in urls)
        out.extend("F\t%s\t%s\n" % (escape(lang), escape(body)) for lang, body in fenced)
        out.extend("K\t%s\n" % escape(v) for v in inline)
        out.append("S\t%s\n" % escape(stripped))
    with open(path, "wb") as handle:
        handle.write("".join(out).encode("utf-8"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--engine", choices=["re", "regex"], default="re")
    parser.add_argument("--records")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    messages = load_corpus(args.corpus)
    extract = build(args.engine)
    if args.records:
        write_records(messages, extract, args.records)
        return
    for _ in messages[:1000]:  # warm-up
        extract(_)
    for round_index in range(args.rounds):
        results = []
        append = results.append
        cpu_start = time.thread_time()
        start = time.perf_counter()
        for message in messages:
            append(extract(message))
        elapsed = time.perf_counter() - start
        cpu = time.thread_time() - cpu_start
        print("round %d %.6f %.6f" % (round_index, elapsed, cpu))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
