package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	upstream "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	evalextract "github.com/sitrep/sitrep/internal/eval/extract"
	trafilatura "github.com/sitrep/sitrep/third_party/go-trafilatura"
)

// extractUpstream runs the unpatched go-trafilatura module (its original
// import path, as go.mod requires it) with the same options; it records the
// language upstream guessed and what each library returned as HTML.
type extractUpstream struct {
	lang string
}

func (u *extractUpstream) run(doc *html.Node, o trafilatura.Options) (*trafilatura.ExtractResult, error) {
	uo := upstream.Options{
		OriginalURL:     o.OriginalURL,
		TargetLanguage:  o.TargetLanguage,
		EnableFallback:  o.EnableFallback,
		Focus:           upstream.ExtractionFocus(o.Focus),
		ExcludeComments: o.ExcludeComments,
		ExcludeTables:   o.ExcludeTables,
		IncludeImages:   o.IncludeImages,
		IncludeLinks:    o.IncludeLinks,
		HtmlDateMode:    upstream.HtmlDateMode(o.HtmlDateMode),
		PruneSelector:   o.PruneSelector,
	}
	if o.Config != nil || o.FallbackCandidates != nil || o.Deduplicate || o.MaxTreeSize != 0 || o.HasEssentialMetadata {
		panic("extractUpstream: an option sitrep does not set")
	}
	u.lang = ""
	r, err := upstream.ExtractDocument(doc, uo)
	if r == nil {
		return nil, err
	}
	u.lang = r.Metadata.Language
	return &trafilatura.ExtractResult{
		ContentNode: r.ContentNode, CommentsNode: r.CommentsNode,
		ContentText: r.ContentText, CommentsText: r.CommentsText,
		Metadata: trafilatura.Metadata(r.Metadata),
	}, err
}

// extractRecord wraps a runner and keeps what it returned, rendered: the
// content tree as HTML, the one-line text and the metadata.
type extractRecord struct {
	run  func(*html.Node, trafilatura.Options) (*trafilatura.ExtractResult, error)
	tree string
	text string
	meta trafilatura.Metadata
}

func (r *extractRecord) wrap(doc *html.Node, o trafilatura.Options) (*trafilatura.ExtractResult, error) {
	r.tree, r.text, r.meta = "", "", trafilatura.Metadata{}
	res, err := r.run(doc, o)
	if res != nil {
		var b strings.Builder
		if res.ContentNode != nil {
			_ = html.Render(&b, res.ContentNode)
		}
		r.tree, r.text, r.meta = b.String(), res.ContentText, res.Metadata
		r.meta.Language = ""
		// Upstream orders JSON-LD authors by Go's random map order; the
		// patched copy by key. The names must be the same, in any order.
		names := strings.Split(r.meta.Author, "; ")
		sort.Strings(names)
		r.meta.Author = strings.Join(names, "; ")
		if o.SkipTaxonomy {
			r.meta.Categories, r.meta.Tags, r.meta.License = nil, nil, ""
		}
	}
	return res, err
}

// TestExtractPatchedMatchesUpstream: sitrep's patched go-trafilatura
// (third_party/go-trafilatura) gives what the upstream module gives, page
// by page — the same content tree, text and metadata, so the same
// Extraction — and its deferred language guess (GuessLanguage) is
// upstream's. By default on the testdata pages and every 30th page of the
// two gold sets; SITREP_EXTRACT_UPSTREAM=1 runs all 1,171 pages (minutes).
func TestExtractPatchedMatchesUpstream(t *testing.T) {
	type page struct {
		name string
		url  string
		html []byte
	}
	var pages []page
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, page{f, "", b})
	}
	all := os.Getenv("SITREP_EXTRACT_UPSTREAM") == "1"
	if dir, ok := extractSharedEvalIfAny(); ok {
		zyte, err := evalextract.LoadZyte(filepath.Join(dir, "extract-scrapinghub"))
		if err != nil {
			t.Fatal(err)
		}
		traf, err := evalextract.LoadTrafilatura(filepath.Join(dir, "extract-trafilatura"))
		if err != nil {
			t.Fatal(err)
		}
		for set, ps := range map[string][]evalextract.Page{"zyte": evalextract.ZytePages(zyte), "trafilatura": evalextract.TrafPages(traf)} {
			for i, p := range ps {
				if (all || i%30 == 0) && strings.Contains(p.ID, os.Getenv("SITREP_EXTRACT_UPSTREAM_PAGE")) {
					pages = append(pages, page{set + "/" + p.ID, p.URL, p.HTML})
				}
			}
		}
	} else if all {
		t.Fatal("SITREP_EXTRACT_UPSTREAM=1 needs ../shared/eval (or SITREP_SHARED)")
	}
	variants := []struct {
		name string
		cfg  extractConfig
	}{{"default", extractDefaultConfig}}
	if all {
		c := extractDefaultConfig
		c.excludeComments = false
		variants = append(variants, struct {
			name string
			cfg  extractConfig
		}{"comments-kept", c})
	}
	var compared, langs int
	for _, v := range variants {
		for _, p := range pages {
			up := &extractUpstream{}
			ur := &extractRecord{run: up.run}
			pr := &extractRecord{run: trafilatura.ExtractDocument}
			ucfg, pcfg := v.cfg, v.cfg
			ucfg.run, pcfg.run = ur.wrap, pr.wrap
			uex, uerr := extractWith(p.html, p.url, ucfg)
			pex, perr := extractWith(p.html, p.url, pcfg)
			sort.Strings(uex.Authors) // see extractRecord.wrap
			sort.Strings(pex.Authors)
			if (uerr == nil) != (perr == nil) || (uerr != nil && uerr.Error() != perr.Error()) {
				t.Errorf("%s %s: error upstream %v, patched %v", v.name, p.name, uerr, perr)
				continue
			}
			if ur.tree != pr.tree {
				t.Errorf("%s %s: content tree differs:\nupstream %.300q\npatched  %.300q", v.name, p.name, ur.tree, pr.tree)
			}
			if ur.text != pr.text {
				t.Errorf("%s %s: text differs:\nupstream %.300q\npatched  %.300q", v.name, p.name, ur.text, pr.text)
			}
			for _, d := range extractFieldDiffs(ur.meta, pr.meta) {
				t.Errorf("%s %s: metadata differs: %s", v.name, p.name, d)
			}
			for _, d := range extractFieldDiffs(uex, pex) {
				t.Errorf("%s %s: Extraction differs: %s", v.name, p.name, d)
			}
			if uerr == nil {
				if got := pex.GuessLanguage(); got != up.lang {
					t.Errorf("%s %s: language guess %q, upstream %q", v.name, p.name, got, up.lang)
				}
				langs++
			}
			compared++
		}
	}
	t.Logf("%d pages compared (%d with text and a language guess)", compared, langs)
	if compared < len(files) {
		t.Fatalf("only %d pages compared", compared)
	}
}

// extractFieldDiffs lists the fields of two structs of one type that
// differ, with both values (cut to 300 bytes).
func extractFieldDiffs(a, b any) []string {
	if reflect.DeepEqual(a, b) {
		return nil
	}
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	var out []string
	for i := 0; i < va.NumField(); i++ {
		// fmt prints what a reflect.Value holds, unexported fields too.
		sa, sb := fmt.Sprintf("%#v", va.Field(i)), fmt.Sprintf("%#v", vb.Field(i))
		if sa != sb {
			out = append(out, fmt.Sprintf("%s: upstream %.300q, patched %.300q", va.Type().Field(i).Name, sa, sb))
		}
	}
	if len(out) == 0 {
		out = append(out, "(no field prints differently)")
	}
	return out
}

// extractSharedEvalIfAny is extractSharedEval without the skip: the
// comparison runs on testdata alone when ../shared is absent.
func extractSharedEvalIfAny() (string, bool) {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return filepath.Join(d, "eval"), true
	}
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "..", "shared", "eval")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p, true
		}
		if filepath.Dir(dir) == dir {
			return "", false
		}
	}
}
