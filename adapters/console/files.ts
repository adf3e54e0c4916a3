import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Block, Reply } from "../../commands/types.ts";

/** A file made as it is delivered (the export) is shown in full, as the console shows all machine output. */
export async function inlineStreams(reply: Reply): Promise<Reply> {
  if (!reply.blocks.some((b) => b.type === "stream")) return reply;
  const blocks: Block[] = [];
  for (const b of reply.blocks) {
    if (b.type !== "stream") {
      blocks.push(b);
      continue;
    }
    const pieces: string[] = [];
    await b.write(async (piece) => void pieces.push(piece));
    blocks.push({
      type: "code",
      text: pieces.join(""),
      file: b.file,
      ...(b.save ? { save: true as const } : {}),
    });
  }
  return { ...reply, blocks };
}

/**
 * The files a reply hands out (the report's chart as PNG and SVG, its CSV) written to the console's folder
 * (`--out`, default `./rapporten`) and named in the reply instead of printed. Names are Tafel's own
 * (`rapport-2025-2026.png`), never typed text.
 */
export async function saveFiles(reply: Reply, dir: string): Promise<Reply> {
  if (!reply.blocks.some((b) => b.type === "image" || (b.type === "code" && b.save))) return reply;
  await mkdir(dir, { recursive: true });
  const blocks: Block[] = [];
  for (const b of reply.blocks) {
    const written: string[] = [];
    const save = async (name: string, data: string | Buffer) => {
      const path = join(dir, name);
      await writeFile(path, data);
      written.push(path);
    };
    if (b.type === "image") {
      await save(b.file, Buffer.from(b.png, "base64"));
      if (b.svg) await save(b.file.replace(/\.png$/, ".svg"), b.svg);
    } else if (b.type === "code" && b.save && b.file) await save(b.file, b.text);
    else {
      blocks.push(b);
      continue;
    }
    blocks.push({ type: "text", text: written.map((p) => `[bestand: ${p}]`).join("\n") });
    if (b.type === "image") blocks.push({ type: "text", text: b.alt });
  }
  return { ...reply, blocks };
}
