import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** Roboto ships in the package: the chart renders the same on every machine, with no system fonts. */
const require = createRequire(import.meta.url);
const FONTS = [
  require.resolve("@expo-google-fonts/roboto/400Regular/Roboto_400Regular.ttf"),
  require.resolve("@expo-google-fonts/roboto/700Bold/Roboto_700Bold.ttf"),
];
export const CHART_FONT = "Roboto";

const rasterise = (svg: string, width: number) =>
  new Resvg(svg, {
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
    fitTo: { mode: "width", value: width },
    background: "white",
  })
    .render()
    .asPng();

/**
 * A Vega-Lite chart as SVG (kept beside it), as a PNG 1600 pixels wide for print, and as a 480-pixel preview
 * small enough for a Teams card (28 KB for the whole message).
 */
export async function renderChart(
  spec: TopLevelSpec,
): Promise<{ svg: string; png: Buffer; preview: Buffer }> {
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return { svg, png: rasterise(svg, 1600), preview: rasterise(svg, 480) };
  } finally {
    view.finalize();
  }
}
