// The valid specs in the repository the export refuses (a located one-line error, exit 2), and why:
// the tests that export every spec skip exactly these and check that each is refused for its reason.
// None today: fractions are exported scaled (src/export/scale.ts), and no shipped spec or fixture
// reaches beyond TLC's 32-bit integers (properties/export/cli.test.ts refuses one that does).

export const REFUSED: Readonly<Record<string, RegExp>> = {};
