package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"
)

// cdpBrowser is a minimal Chrome DevTools Protocol client over
// --remote-debugging-pipe (commands on fd 3, answers on fd 4, each message
// ended by a NUL byte): one headless Chromium for all the pages of a test,
// so the browser tests stay fast. No module is needed for it.
type cdpBrowser struct {
	t       testing.TB
	cmd     *exec.Cmd
	w       *os.File
	mu      sync.Mutex
	next    int
	pending map[int]chan cdpMsg
	session string
	errs    []string // JavaScript exceptions and console errors seen
	done    chan struct{}
}

type cdpMsg struct {
	ID        int                       `json:"id,omitempty"`
	Method    string                    `json:"method,omitempty"`
	Params    json.RawMessage           `json:"params,omitempty"`
	Result    json.RawMessage           `json:"result,omitempty"`
	Error     *struct{ Message string } `json:"error,omitempty"`
	SessionID string                    `json:"sessionId,omitempty"`
}

func startCDP(t testing.TB, bin string) *cdpBrowser {
	inR, inW, err := os.Pipe() // we write, Chromium reads (fd 3)
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe() // Chromium writes (fd 4), we read
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
		"--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-sync",
		"--mute-audio", "--hide-scrollbars", "--font-render-hinting=none", "--user-data-dir="+t.TempDir(),
		"--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{inR, outW}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	inR.Close()
	outW.Close()
	b := &cdpBrowser{t: t, cmd: cmd, w: inW, pending: map[int]chan cdpMsg{}, done: make(chan struct{})}
	go b.read(outR)
	t.Cleanup(func() {
		b.call("", "Browser.close", nil, nil)
		inW.Close()
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	var target struct{ TargetID string }
	if err := b.call("", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		t.Fatalf("chromium: %v\n%s", err, tail(stderr.String(), 2000))
	}
	var att struct{ SessionID string }
	if err := b.call("", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att); err != nil {
		t.Fatal(err)
	}
	b.session = att.SessionID
	for _, m := range []string{"Page.enable", "Runtime.enable", "Log.enable"} {
		if err := b.call(b.session, m, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

func (b *cdpBrowser) read(r *os.File) {
	defer close(b.done)
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		line, err := br.ReadBytes(0)
		if err != nil {
			return
		}
		var m cdpMsg
		if json.Unmarshal(line[:len(line)-1], &m) != nil {
			continue
		}
		if debugCDP && m.ID == 0 {
			fmt.Fprintf(os.Stderr, "event %s %.200s\n", m.Method, m.Params)
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch, ok := b.pending[m.ID]; ok {
				ch <- m
				delete(b.pending, m.ID)
			}
		} else {
			switch m.Method {
			case "Runtime.exceptionThrown":
				b.errs = append(b.errs, "exception: "+string(m.Params))
			case "Log.entryAdded":
				var p struct {
					Entry struct{ Level, Text, URL string }
				}
				json.Unmarshal(m.Params, &p)
				if p.Entry.Level == "error" {
					b.errs = append(b.errs, "console: "+p.Entry.Text+" "+p.Entry.URL)
				}
			}
		}
		b.mu.Unlock()
	}
}

func (b *cdpBrowser) call(session, method string, params any, result any) error {
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan cdpMsg, 1)
	b.pending[id] = ch
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	data, _ := json.Marshal(msg)
	if _, err := b.w.Write(append(data, 0)); err != nil {
		return err
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-b.done:
		return errors.New("chromium exited")
	case <-time.After(30 * time.Second):
		return fmt.Errorf("%s: no answer in 30 s", method)
	}
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func (b *cdpBrowser) eval(expr string, out any) error {
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct{ Text string } `json:"exceptionDetails"`
	}
	if err := b.call(b.session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &r); err != nil {
		return err
	}
	if r.ExceptionDetails != nil {
		return fmt.Errorf("evaluate %q: %s", expr, r.ExceptionDetails.Text)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(r.Result.Value, out)
}

// viewport sets the window size; phone widths get a mobile viewport.
func (b *cdpBrowser) viewport(w, h int) {
	b.t.Helper()
	if err := b.call(b.session, "Emulation.setDeviceMetricsOverride", map[string]any{"width": w, "height": h, "deviceScaleFactor": 1, "mobile": w < 600}, nil); err != nil {
		b.t.Fatal(err)
	}
}

// open navigates to url and waits until the app has rendered that page.
func (b *cdpBrowser) open(url string) {
	b.t.Helper()
	if err := b.call(b.session, "Page.navigate", map[string]any{"url": url}, nil); err != nil {
		b.t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	for {
		var ok bool
		err := b.eval(`location.href === `+jsString(url)+` && document.documentElement.hasAttribute("data-rendered")`, &ok)
		if err == nil && ok {
			return
		}
		select {
		case <-ctx.Done():
			var dom string
			b.eval("document.documentElement.outerHTML", &dom)
			b.t.Fatalf("%s: the app did not render in 15 s (last error %v); DOM:\n%.2000s", url, err, dom)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// screenshot writes a PNG of the page from the top, maxH pixels high at
// most (the whole page when it is shorter).
func (b *cdpBrowser) screenshot(file string, width, maxH int) {
	b.t.Helper()
	var h float64
	if err := b.eval("Math.ceil(document.documentElement.scrollHeight)", &h); err != nil {
		b.t.Fatal(err)
	}
	h = min(max(h, 400), float64(maxH))
	var r struct{ Data string }
	if err := b.call(b.session, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{"x": 0, "y": 0, "width": width, "height": h, "scale": 1}}, &r); err != nil {
		b.t.Fatal(err)
	}
	png, err := base64.StdEncoding.DecodeString(r.Data)
	if err != nil || len(png) < 5000 {
		b.t.Fatalf("screenshot %s: %d bytes, %v", file, len(png), err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// takeErrors returns and clears the JavaScript errors seen so far.
func (b *cdpBrowser) takeErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	e := b.errs
	b.errs = nil
	return e
}

var debugCDP = false

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
