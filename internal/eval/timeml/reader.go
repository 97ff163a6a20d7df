package timeml

import (
	"archive/tar"
	"compress/gzip"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Timex is one gold TIMEX3 of a document's TEXT.
type Timex struct {
	Start, End int // byte offsets in Doc.Text
	Text       string
	Type       string
	Value      string
	Mod        string
}

// Doc is one TimeML document.
type Doc struct {
	Name     string
	DCT      time.Time
	DCTValue string
	Text     string // concatenated text nodes of <TEXT>
	Timexes  []Timex
}

// Parse reads one TimeML document.
func Parse(r io.Reader, name string) (*Doc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	d := &Doc{Name: name}
	var b strings.Builder
	inText := false
	var open *Timex
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "TIMEX3":
				attr := map[string]string{}
				for _, a := range t.Attr {
					attr[a.Name.Local] = a.Value
				}
				if attr["functionInDocument"] == "CREATION_TIME" {
					d.DCTValue = attr["value"]
					d.DCT = parseDCT(attr["value"])
					continue
				}
				if inText {
					open = &Timex{Start: b.Len(), Type: attr["type"], Value: attr["value"], Mod: attr["mod"]}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "TIMEX3":
				if open != nil {
					open.End = b.Len()
					d.Timexes = append(d.Timexes, *open)
					open = nil
				}
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
	d.Text = b.String()
	for i := range d.Timexes {
		x := &d.Timexes[i]
		x.Text = d.Text[x.Start:x.End]
	}
	if d.DCT.IsZero() {
		return nil, fmt.Errorf("%s: no creation time", name)
	}
	return d, nil
}

func parseDCT(v string) time.Time {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", "20060102"} {
		if len(v) >= len(layout) {
			if t, err := time.Parse(layout, v[:len(layout)]); err == nil {
				return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
			}
		}
	}
	return time.Time{}
}

// LoadSet reads a split of the TempEval-3 folder dir
// (…/eval/timex-tempeval3): "train" is TBAQ-cleaned, read from its tar.gz,
// "test" the Platinum .tml files. Documents are sorted by name.
func LoadSet(dir, set string) ([]*Doc, error) {
	var docs []*Doc
	switch set {
	case "test":
		files, err := filepath.Glob(filepath.Join(dir, "test", "*.tml"))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("no .tml files in %s", filepath.Join(dir, "test"))
		}
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				return nil, err
			}
			d, err := Parse(fh, filepath.Base(f))
			fh.Close()
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
		}
	case "train":
		fh, err := os.Open(filepath.Join(dir, "train", "TBAQ-cleaned.tar.gz"))
		if err != nil {
			return nil, err
		}
		defer fh.Close()
		zr, err := gzip.NewReader(fh)
		if err != nil {
			return nil, err
		}
		tr := tar.NewReader(zr)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, err
			}
			base := filepath.Base(h.Name)
			if h.Typeflag != tar.TypeReg || !strings.HasSuffix(base, ".tml") || strings.HasPrefix(base, "._") {
				continue
			}
			d, err := Parse(tr, h.Name)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
		}
	default:
		return nil, fmt.Errorf("unknown set %q (want train or test)", set)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Name < docs[j].Name })
	return docs, nil
}
