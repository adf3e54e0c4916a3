/**
 * Which hidden cells of a published table can be worked out from what is published. Every published line that
 * is a sum of other cells is a relation (`parts` add up to `total`); a hidden cell is disclosed when the
 * relations, with every published value put in, fix its value: when it lies in the row space of the system over
 * the hidden cells (exact elimination over rationals, here doubles on small integer systems), or when the cells
 * of a relation that are still hidden can each only be 1 (a hidden count is never 0: a zero is published).
 */

export interface Relation {
  parts: readonly string[];
  total: string;
}

export interface Cell {
  value: number;
  hidden: boolean;
}

const EPS = 1e-9;

export function disclosed(cells: ReadonlyMap<string, Cell>, relations: readonly Relation[]): string[] {
  const unknowns = [...cells].filter(([, c]) => c.hidden).map(([id]) => id);
  const column = new Map(unknowns.map((id, i) => [id, i]));
  const rows: number[][] = [];
  const found = new Set<string>();
  for (const r of relations) {
    const row = new Array<number>(unknowns.length + 1).fill(0);
    let rhs = 0;
    const add = (id: string, sign: 1 | -1) => {
      const cell = cells.get(id);
      if (!cell) throw new Error(`relation names an unknown cell: ${id}`);
      const j = column.get(id);
      if (j === undefined) rhs -= sign * cell.value;
      else row[j] = (row[j] as number) + sign;
    };
    for (const p of r.parts) add(p, 1);
    add(r.total, -1);
    row[unknowns.length] = rhs;
    rows.push(row);
    // Hidden parts under a published total: each at least 1, so a residual of exactly their number fixes them all.
    const hiddenParts = r.parts.filter((p) => column.has(p));
    if (!column.has(r.total) && hiddenParts.length > 0 && Math.abs(rhs - hiddenParts.length) < EPS)
      for (const p of hiddenParts) found.add(p);
  }
  for (const j of determined(rows, unknowns.length)) found.add(unknowns[j] as string);
  return unknowns.filter((id) => found.has(id));
}

/** Columns whose unit vector lies in the row space: after reduction to echelon form, a row that is that vector. */
function determined(rows: number[][], n: number): number[] {
  let pivotRow = 0;
  for (let col = 0; col < n && pivotRow < rows.length; col++) {
    const p = rows.findIndex((r, i) => i >= pivotRow && Math.abs(r[col] as number) > EPS);
    if (p < 0) continue;
    [rows[pivotRow], rows[p]] = [rows[p] as number[], rows[pivotRow] as number[]];
    const pr = rows[pivotRow] as number[];
    const lead = pr[col] as number;
    for (let k = 0; k <= n; k++) pr[k] = (pr[k] as number) / lead;
    for (const [i, r] of rows.entries()) {
      if (i === pivotRow || Math.abs(r[col] as number) < EPS) continue;
      const f = r[col] as number;
      for (let k = 0; k <= n; k++) r[k] = (r[k] as number) - f * (pr[k] as number);
    }
    pivotRow++;
  }
  const out: number[] = [];
  for (const r of rows.slice(0, pivotRow)) {
    const nonZero = r.slice(0, n).flatMap((v, j) => (Math.abs(v) > EPS ? [j] : []));
    if (nonZero.length === 1) out.push(nonZero[0] as number);
  }
  return out;
}
