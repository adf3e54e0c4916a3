import { createRequire } from "node:module";
import type { TopLevelSpec } from "vega-lite";

/** Roboto ships in the package: the chart renders the same on every machine, with no system fonts. */
const require = createRequire(import.meta.url);
const FONTS = [
  require.resolve("@expo-google-fonts/roboto/400Regular/Roboto_400Regular.ttf"),
  require.resolve("@expo-google-fonts/roboto/700Bold/Roboto_700Bold.ttf"),
];
export const CHART_FONT = "Roboto";

const rasterise = (Resvg: typeof import("@resvg/resvg-js").Resvg, svg: string, width: number) =>
  new Resvg(svg, {
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
    fitTo: { mode: "width", value: width },
    background: "white",
  })
    .render()
    .asPng();

/**
 * The preview's budget in a Teams card (about 28 KB for the whole message, the report's text included): 12 KB,
 * 16,000 characters in base64. A chart with more bars or labels gets a narrower preview; the full PNG is a link.
 */
export const PREVIEW_MAX_BYTES = 12_000;
const PREVIEW_WIDTHS = [480, 440, 400, 360, 320, 280, 240];

/** The widest preview within the budget; the PNG's size is not monotone in its width (text on the pixel grid). */
function preview(Resvg: typeof import("@resvg/resvg-js").Resvg, svg: string): Buffer {
  let smallest: Buffer | null = null;
  for (const width of PREVIEW_WIDTHS) {
    const png = rasterise(Resvg, svg, width);
    if (png.length <= PREVIEW_MAX_BYTES) return png;
    if (smallest === null || png.length < smallest.length) smallest = png;
  }
  return smallest as Buffer;
}

/**
 * A Vega-Lite chart as SVG (kept beside it), as a PNG 1600 pixels wide for print, and as a preview of at most
 * 480 pixels small enough for a Teams card (`PREVIEW_MAX_BYTES`). Vega, Vega-Lite and resvg are loaded when the
 * first chart is made, not at start: together they take about 50 MiB, and most instances never draw one.
 */
export async function renderChart(
  spec: TopLevelSpec,
): Promise<{ svg: string; png: Buffer; preview: Buffer }> {
  const [svg, { Resvg }] = await Promise.all([renderSvg(spec), import("@resvg/resvg-js")]);
  return { svg, png: rasterise(Resvg, svg, 1600), preview: preview(Resvg, svg) };
}

/** A chart as SVG only, for a page that shows it inline: no picture is rasterised (the slow part, and memory). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [{ parse, View }, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
