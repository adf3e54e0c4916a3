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
 * A Vega-Lite chart as SVG (kept beside it), as a PNG 1600 pixels wide for print, and as a 480-pixel preview
 * small enough for a Teams card (28 KB for the whole message). Vega, Vega-Lite and resvg are loaded when the
 * first chart is made, not at start: together they take about 50 MiB, and most instances never draw one.
 */
export async function renderChart(
  spec: TopLevelSpec,
): Promise<{ svg: string; png: Buffer; preview: Buffer }> {
  const [{ parse, View }, { compile }, { Resvg }] = await Promise.all([
    import("vega"),
    import("vega-lite"),
    import("@resvg/resvg-js"),
  ]);
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return { svg, png: rasterise(Resvg, svg, 1600), preview: rasterise(Resvg, svg, 480) };
  } finally {
    view.finalize();
  }
}
