package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// WriteCSV writes a header and records as CSV with every cell made safe
// for spreadsheets (Cell). It is the only way sitrep writes CSV.
func WriteCSV(w io.Writer, header []string, records [][]string) error {
	cw := csv.NewWriter(w)
	row := make([]string, 0, len(header))
	for _, rec := range append([][]string{header}, records...) {
		row = row[:0]
		for _, c := range rec {
			row = append(row, Cell(c))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Cell neutralises a value a spreadsheet would run as a formula (CSV or
// formula injection): titles, outlets and quotes are untrusted, and a cell
// starting with = + - @, a tab or a carriage return ("=HYPERLINK(…)",
// "@SUM(…)") is prefixed with an apostrophe, which spreadsheets show as
// text and do not evaluate (OWASP's advice). Numbers (-3.5, +1) are left
// as they are: a spreadsheet reads them as numbers, never as formulas.
func Cell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}
