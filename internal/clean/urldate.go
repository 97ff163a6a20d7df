package clean

import (
	"net/url"
	"regexp"
	"strconv"
	"time"
)

// News sites commonly file an article under its publication day:
// "/2018/04/17/some-slug". Such a path is the publisher's own record of
// the day, better evidence than any estimate from the text, so it is used
// when neither the container nor the page gives a date. Only a full
// year/month/day run of path segments counts: "/2018/04/" names no day,
// and a bare number in a slug ("/story-20180417") may be an id.
var reURLDate = regexp.MustCompile(`/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$)`)

// urlDate returns the day a URL's path files the article under, and the
// path part it came from. A day after now (plus a day's slack for time
// zones) is not a publication date and is refused.
func urlDate(raw string, now time.Time) (time.Time, string, bool) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return time.Time{}, "", false
	}
	m := reURLDate.FindStringSubmatch(u.Path)
	if m == nil {
		return time.Time{}, "", false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t, ok := mkDate(y, mo, d)
	if !ok || t.After(now.Add(24*time.Hour)) {
		return time.Time{}, "", false
	}
	return t, m[0], true
}
