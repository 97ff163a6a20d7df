// Package geoeval scores toponym resolution against the gold geoparsing sets
// in ../shared/eval/geo (GeoWebNews, LGL, TR-News, GeoVirus) in the
// "resolution given gold toponyms" setting: every gold span is a mention,
// and those with gold coordinates are scored by the great-circle error of
// the resolved point.
package geoeval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"

	"github.com/sitrep/sitrep/internal/geo"
)

// Sets maps the accepted --set names to the corpus folders.
var Sets = map[string]string{
	"lgl": "lgl", "gwn": "geowebnews", "geowebnews": "geowebnews",
	"trnews": "tr-news", "tr-news": "tr-news", "geovirus": "geovirus",
}

// AllSets lists the corpus folders in report order.
var AllSets = []string{"lgl", "tr-news", "geowebnews", "geovirus"}

// Toponym is one gold annotation of a split file.
type Toponym struct {
	Phrase       string   `json:"phrase"`
	StartByte    int      `json:"start_byte"`
	EndByte      int      `json:"end_byte"`
	Lat          *float64 `json:"lat"`
	Lon          *float64 `json:"lon"`
	OffsetStatus string   `json:"offset_status"`
}

// Document is one line of a split file.
type Document struct {
	ID       string    `json:"id"`
	Text     string    `json:"text"`
	Toponyms []Toponym `json:"toponyms"`
}

// ReadSplit reads dir/<set>/<split>.jsonl.
func ReadSplit(evalGeoDir, set, split string) ([]Document, error) {
	f, err := os.Open(filepath.Join(evalGeoDir, set, split+".jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var d Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s/%s.jsonl: %w", set, split, err)
		}
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

// ToDoc turns a gold document into resolver input: its aligned gold spans
// are the mentions (sorted by offset); the ith mention maps to toponym
// index idx[i].
func ToDoc(d Document) (geo.Doc, []int) {
	doc := geo.Doc{Text: d.Text}
	var idx []int
	for i, t := range d.Toponyms {
		if t.OffsetStatus == "unaligned" || t.StartByte < 0 || t.EndByte > len(d.Text) || t.StartByte >= t.EndByte {
			continue
		}
		doc.Mentions = append(doc.Mentions, geo.Mention{Text: d.Text[t.StartByte:t.EndByte], Start: t.StartByte, End: t.EndByte})
		idx = append(idx, i)
	}
	return doc, idx
}

// Result holds the scores of one set and split.
type Result struct {
	Set         string `json:"set"`
	Split       string `json:"split"`
	Docs        int    `json:"docs"`
	Scored      int    `json:"scored"` // gold toponyms with coordinates
	NoCandidate int    `json:"no_candidate"`
	// FallbackHits: toponyms without a candidate placed at the document's
	// focus that land within 161 km (counted in Acc161).
	FallbackHits int `json:"fallback_hits"`
	// ExtentHits: toponyms placed on a river, lake, range or other extent
	// whose gold point is within 161 km of the extent but not of the
	// chosen point (counted in Acc161).
	ExtentHits int `json:"extent_hits"`
	// PartHits: toponyms the gazetteer does not know whole, placed at the
	// place they are named after (Place.Part: "Colchester General
	// Hospital" at Colchester), that land within 161 km (counted in
	// Acc161; not in NoCandidate).
	PartHits     int     `json:"part_hits"`
	Acc161       float64 `json:"acc161"`
	MeanKm       float64 `json:"mean_km"`
	MedianKm     float64 `json:"median_km"`
	AUC          float64 `json:"auc"`
	ToponymsPerS float64 `json:"toponyms_per_s,omitempty"`
}

// MaxErrorKm is the error charged to a toponym left unresolved: half the
// Earth's circumference, the largest possible great-circle error.
const MaxErrorKm = 20039.0

// Item is one scored gold toponym with its resolution.
type Item struct {
	DocID   string
	Phrase  string
	GoldLat float64
	GoldLon float64
	Place   geo.Place
	ErrKm   float64
}

// Score resolves docs with g and p and scores them. NoCandidate counts gold
// toponyms the gazetteer has no entry for; those placed at the document's
// focus (Place.Focus) are scored at that point (FallbackHits counts those
// that land within 161 km), the others count as misses with MaxErrorKm
// error. A place with an extent (a river, a lake) is scored by the
// distance from the gold point to its nearest part (ExtentHits counts
// those that only the extent brings within 161 km). AUC is the area under the curve of
// ln(1+error)/ln(1+MaxErrorKm) over the sorted errors (Gritta et al. 2018):
// 0 is perfect, lower is better.
func Score(g *geo.Gazetteer, p geo.Params, docs []Document) Result {
	r, _ := Evaluate(g, p, docs, false)
	return r
}

// Evaluate is Score that also returns every scored toponym (when items is
// true) in document order, for error analysis.
func Evaluate(g *geo.Gazetteer, p geo.Params, docs []Document, items bool) (Result, []Item) {
	var errs []float64
	var out []Item
	r := Result{Docs: len(docs)}
	for _, d := range docs {
		doc, idx := ToDoc(d)
		places := g.ResolveWith(doc, p)
		for i, pl := range places {
			t := d.Toponyms[idx[i]]
			if t.Lat == nil || t.Lon == nil {
				continue
			}
			e := MaxErrorKm
			if !pl.Resolved {
				r.NoCandidate++
			}
			if pl.Resolved || pl.Focus {
				e = geo.DistanceKm(*t.Lat, *t.Lon, pl.Lat, pl.Lon)
			}
			if pl.Resolved {
				// an extent is scored from its nearest part
				if x := g.DistanceToKm(*t.Lat, *t.Lon, pl.Candidate); x < e {
					if x <= 161 && e > 161 {
						r.ExtentHits++
					}
					e = x
				}
			}
			if pl.Focus && e <= 161 {
				r.FallbackHits++
			}
			if pl.Part && e <= 161 {
				r.PartHits++
			}
			errs = append(errs, e)
			if items {
				out = append(out, Item{DocID: d.ID, Phrase: t.Phrase, GoldLat: *t.Lat, GoldLon: *t.Lon, Place: pl, ErrKm: e})
			}
		}
	}
	r.Scored = len(errs)
	if len(errs) == 0 {
		return r, out
	}
	sort.Float64s(errs)
	var sum, auc float64
	ok := 0
	for _, e := range errs {
		sum += e
		if e <= 161 {
			ok++
		}
		auc += math.Log1p(e) / math.Log1p(MaxErrorKm)
	}
	n := float64(len(errs))
	r.Acc161 = float64(ok) / n
	r.MeanKm = sum / n
	if len(errs)%2 == 1 {
		r.MedianKm = errs[len(errs)/2]
	} else {
		r.MedianKm = (errs[len(errs)/2-1] + errs[len(errs)/2]) / 2
	}
	r.AUC = auc / n
	return r, out
}

// Mentions counts the resolvable gold spans of docs (what Score resolves).
func Mentions(docs []Document) int {
	n := 0
	for _, d := range docs {
		doc, _ := ToDoc(d)
		n += len(doc.Mentions)
	}
	return n
}

// Misses returns the items placed more than km off, in their order.
func Misses(items []Item, km float64) []Item {
	var out []Item
	for _, it := range items {
		if it.ErrKm > km {
			out = append(out, it)
		}
	}
	return out
}

// FormatMiss describes a scored item for error listings: the error, the
// gold point and what the resolver chose (or "no candidate").
func FormatMiss(it Item) string {
	pl := it.Place
	got := "no candidate"
	switch {
	case pl.Focus:
		got = fmt.Sprintf("focus %s (%s %s.%s) %.3f,%.3f", pl.Name, pl.FeatureCode, pl.Country, pl.Admin1, pl.Lat, pl.Lon)
	case pl.Resolved && pl.Part:
		got = fmt.Sprintf("part %s (%s %s.%s id %d) %.3f,%.3f", pl.Name, pl.FeatureCode, pl.Country, pl.Admin1, pl.GeonameID, pl.Lat, pl.Lon)
	case pl.Resolved:
		got = fmt.Sprintf("%s (%s %s.%s id %d) %.3f,%.3f", pl.Name, pl.FeatureCode, pl.Country, pl.Admin1, pl.GeonameID, pl.Lat, pl.Lon)
	}
	return fmt.Sprintf("%.0f km\tgold %.3f,%.3f\t%s", it.ErrKm, it.GoldLat, it.GoldLon, got)
}
