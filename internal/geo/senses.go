package geo

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// Sense priors: for an ambiguous name, how many documents of the dev gold
// of the geoparsing sets meant which GeoNames place (data/senses.tsv,
// written by scripts/gazetteer/build.sh from the DEV halves only). The
// resolver adds Params.SenseWeight × docs/(all docs of the name + 1) to a
// candidate's context-free score.

//go:embed data/senses.tsv
var embeddedSenses []byte

// Senses maps a lookup key to the documents per GeoNames id.
type Senses struct {
	byKey map[string]senseCounts
}

type senseCounts struct {
	total int
	ids   map[uint32]int
}

// share is the smoothed share of the documents of key that meant id.
func (s *Senses) share(key string, id uint32) float64 {
	if s == nil || id == 0 {
		return 0
	}
	c, ok := s.byKey[key]
	if !ok {
		return 0
	}
	return float64(c.ids[id]) / float64(c.total+1)
}

// Len is the number of names with a sense prior.
func (s *Senses) Len() int {
	if s == nil {
		return 0
	}
	return len(s.byKey)
}

// ReadSenses reads a sense table: tab-separated key, GeoNames id, documents;
// blank lines and # comments skipped.
func ReadSenses(r io.Reader) (*Senses, error) {
	s := &Senses{byKey: map[string]senseCounts{}}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 3 {
			return nil, fmt.Errorf("geo: senses line %d: %d columns, want 3", line, len(c))
		}
		id, err1 := strconv.ParseUint(c[1], 10, 32)
		n, err2 := strconv.Atoi(c[2])
		if err1 != nil || err2 != nil || id == 0 || n <= 0 || c[0] == "" {
			return nil, fmt.Errorf("geo: senses line %d: bad row", line)
		}
		sc := s.byKey[c[0]]
		if sc.ids == nil {
			sc.ids = map[uint32]int{}
		}
		sc.ids[uint32(id)] += n
		sc.total += n
		s.byKey[c[0]] = sc
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

var (
	sensesOnce sync.Once
	senses     *Senses
)

// DefaultSenses returns the embedded sense table (nil if it cannot be
// read, which the tests rule out).
func DefaultSenses() *Senses {
	sensesOnce.Do(func() {
		s, err := ReadSenses(bytes.NewReader(embeddedSenses))
		if err == nil {
			senses = s
		}
	})
	return senses
}
