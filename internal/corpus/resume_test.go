package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/corpusgen"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
	"github.com/sitrep/sitrep/internal/view"
)

// crashing is a store that stops (as a killed process would) at its
// n-th write: before the write, or after it but before the stage hears
// of it.
type crashing struct {
	*sqlite.DB      // all of a store, coded events included
	n          int  // writes left before the crash
	after      bool // the crashing write is done
}

var errCrash = errors.New("injected crash")

func (c *crashing) write(do func() error) error {
	c.n--
	if c.n != 0 {
		return do()
	}
	if c.after {
		if err := do(); err != nil {
			return err
		}
	}
	return errCrash
}

func (c *crashing) PutDerived(ctx context.Context, d *store.Derived) error {
	return c.write(func() error { return c.DB.PutDerived(ctx, d) })
}

func (c *crashing) PutStoryPages(ctx context.Context, p []store.StoryPage) error {
	return c.write(func() error { return c.DB.PutStoryPages(ctx, p) })
}

func (c *crashing) ReplaceStoryEvents(ctx context.Context, stories []int64, recs []event.Record) error {
	return c.write(func() error { return c.DB.ReplaceStoryEvents(ctx, stories, recs) })
}

func (c *crashing) PutFaults(ctx context.Context, fs []store.Fault) error {
	return c.write(func() error { return c.DB.PutFaults(ctx, fs) })
}

// generatedItems analyses a generated corpus (corpusgen over the PolNeAR
// texts: each text repeated under other outlets and dates) once.
func generatedItems(t *testing.T, n int) []store.Item {
	t.Helper()
	dir := corpusgen.FindEval()
	srcs, err := corpusgen.LoadPolNeAR(dir)
	if dir == "" || err != nil {
		t.Skipf("no PolNeAR texts in ../shared/eval: %v", err)
	}
	an := analyse.New()
	var items []store.Item
	for i := 0; i < n; i++ {
		// a third of the texts come back under two other outlets, a day
		// and two apart: stories of several members, across batches
		s, rep := srcs[i%40], i/40
		pub := s.Published.Add(time.Duration(rep) * 24 * time.Hour)
		a := clean.Article{Title: s.Title, Text: s.Text, Outlet: []string{s.Outlet, "Wire A", "Wire B"}[rep%3], Published: pub, Language: "en",
			URL: "https://example.com/" + s.ID + "/" + strconv.Itoa(rep)}
		x := an.Annotate(analyse.Input{Text: a.Text, Published: pub})
		items = append(items, store.Item{Raw: store.Raw{Origin: a.URL, URL: a.URL, MediaType: "text/plain", Body: []byte(a.URL + a.Text)}, Article: a, Analysis: &x})
	}
	return items
}

// corpusSnapshot is what the corpus stages wrote: every story with its
// page and coded events, every actor, and the stages' state as loaded.
type corpusSnapshot struct {
	stories        []view.StorySummary
	total          int // the story list's total: the stores keep it
	pages          []string
	actors         []view.Actor
	coded          int
	clState, actsR []byte
}

func takeSnapshot(t *testing.T, db *sqlite.DB) corpusSnapshot {
	t.Helper()
	ctx := context.Background()
	var s corpusSnapshot
	st, err := db.StoryList(ctx, view.Query{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	s.stories, s.total = st.Items, st.Total
	if st.Total != len(st.Items) {
		t.Errorf("story list total %d, %d stories listed", st.Total, len(st.Items))
	}
	for _, x := range st.Items {
		b, err := db.StoryPage(ctx, x.ID)
		if err != nil {
			t.Fatalf("story %d: %v", x.ID, err)
		}
		// a story of at most lazyMembers articles has its page composed
		// when read (kept here as composed now), any other one stored
		if lazy := len(x.Articles) <= lazyMembers; lazy != (b == nil) {
			t.Fatalf("story %d of %d articles: page stored %v", x.ID, len(x.Articles), b != nil)
		}
		if b == nil {
			p, err := ComposeStory(ctx, db, x.ID)
			if err != nil {
				t.Fatalf("story %d: %v", x.ID, err)
			}
			if b, err = json.Marshal(p); err != nil {
				t.Fatal(err)
			}
			b = append([]byte("read: "), b...)
		}
		s.pages = append(s.pages, string(b))
	}
	ac, err := db.ActorList(ctx, view.Query{Limit: 5000})
	if err != nil {
		t.Fatal(err)
	}
	s.actors = ac.Items
	// (coded events are counted: a story coded again gets new ids)
	if _, s.coded, err = db.CodedEventList(ctx, store.EventFilter{Limit: 1}); err != nil {
		t.Fatal(err)
	}
	sg, err := Open(ctx, db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.clState, err = sg.cl.MarshalBinary(); err != nil {
		t.Fatal(err)
	}
	if s.actsR, err = sg.acts.reg.MarshalBinary(); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestResumeWithCrashes ingests a generated corpus in chunks, the corpus
// stage following each, stopping at random batch boundaries and crashing
// at random writes of a batch (before or after the write), each restart
// loading the state as stored (a whole state and the changes logged after
// it; some runs write it whole, and the first ones write only whole
// states, as a database made before the log was); it ends with exactly
// the stories, pages, coded events, actors and state of one undisturbed
// run. SITREP_RESUME_SEED reruns a logged seed.
func TestResumeWithCrashes(t *testing.T) {
	const n, batch = 96, 6
	items := generatedItems(t, n)
	ctx := context.Background()
	open := func(name string) *sqlite.DB {
		db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	// in both runs the clusterer fails on one article late in the corpus:
	// its batch is replayed article by article from the state as stored
	// (by then a whole state and changes logged after it)
	const faulty = n - 2*batch - 1
	FaultHook = func(stage string, article int64) {
		if stage == "clusterer" && article == faulty {
			panic("injected fault")
		}
	}
	defer func() { FaultHook = nil }()
	whole := open("whole.db")
	if _, err := whole.Put(ctx, items); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(ctx, whole, Options{Batch: batch}); err != nil {
		t.Fatal(err)
	}
	want := takeSnapshot(t, whole)
	if fs, err := whole.Faults(ctx, faulty); err != nil || len(fs) != 1 {
		t.Fatalf("faults of article %d: %+v, %v", faulty, fs, err)
	}
	if len(want.stories) < 10 || len(want.actors) == 0 || len(want.stories) == n {
		t.Fatalf("%d stories, %d actors: the corpus exercises too little", len(want.stories), len(want.actors))
	}

	seed := time.Now().UnixNano()
	if s, err := strconv.ParseInt(os.Getenv("SITREP_RESUME_SEED"), 10, 64); err == nil {
		seed = s
	}
	rng := rand.New(rand.NewSource(seed))
	t.Logf("seed %d", seed)
	defer func() { alwaysWhole = false }()
	db := open("resumed.db")
	crashes, logged := 0, 0
	for from, run := 0, 0; from < n; run++ {
		to := min(n, from+batch*(1+rng.Intn(4)))
		if _, err := db.Put(ctx, items[from:to]); err != nil {
			t.Fatal(err)
		}
		size := to - from
		from = to
		// the first runs as before the log: whole states only
		alwaysWhole = run < 2
		for {
			var st store.Store = db
			switch {
			case rng.Intn(3) == 0:
				st = &crashing{DB: db, n: 1 + rng.Intn(3*(size+batch)/batch+2), after: rng.Intn(2) == 0}
			case crashes == 0 && from == n:
				// the draws gave no crash before the last run: crash it at
				// its first write, so that every seed exercises a resume
				st = &crashing{DB: db, n: 1, after: rng.Intn(2) == 0}
			}
			_, err := Update(ctx, st, Options{Batch: batch})
			if errors.Is(err, errCrash) {
				crashes++
				continue // restart
			}
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			break
		}
		if l, err := db.StateLog(ctx, clustererState); err != nil {
			t.Fatal(err)
		} else {
			logged = max(logged, len(l))
		}
	}
	if crashes == 0 || logged == 0 {
		t.Fatalf("seed %d: %d crashes, at most %d changes logged: nothing exercised", seed, crashes, logged)
	}
	got := takeSnapshot(t, db)
	t.Logf("%d crashes; at most %d clusterer changes logged", crashes, logged)
	if !reflect.DeepEqual(got.stories, want.stories) {
		t.Errorf("seed %d: stories differ:\n%+v\n%+v", seed, got.stories, want.stories)
	}
	if got.total != want.total {
		t.Errorf("seed %d: story total %d, want %d", seed, got.total, want.total)
	}
	if !reflect.DeepEqual(got.pages, want.pages) {
		t.Errorf("seed %d: story pages differ", seed)
	}
	if !reflect.DeepEqual(got.actors, want.actors) {
		t.Errorf("seed %d: actors differ", seed)
	}
	if got.coded != want.coded {
		t.Errorf("seed %d: %d coded events, want %d", seed, got.coded, want.coded)
	}
	if string(got.clState) != string(want.clState) {
		t.Errorf("seed %d: the clusterer's state differs", seed)
	}
	if string(got.actsR) != string(want.actsR) {
		t.Errorf("seed %d: the actor registry differs", seed)
	}
}
