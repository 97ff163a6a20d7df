package event

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// GDELTEventColumns are the 61 columns of a GDELT 2.0 Events table, in
// GDELT's order (GDELT 2.0 Event Database Codebook V2.0).
var GDELTEventColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELTMentionColumns are the 16 columns of a GDELT 2.0 Mentions table.
var GDELTMentionColumns = []string{
	"GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier", "SentenceID",
	"Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
	"MentionDocTranslationInfo", "Extras",
}

// groupPrefixes are CAMEO actor codes that name no country: international
// and non-state groups (GDELT's KnownGroupCode).
var groupPrefixes = map[string]bool{"IGO": true, "IMG": true, "NGO": true, "NGM": true, "MNC": true, "INT": true, "UNO": true}

// actorColumns are Code, Name, CountryCode, KnownGroupCode, EthnicCode,
// Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.
func actorColumns(p Party) []string {
	out := make([]string, 10)
	if p.Name == "" && p.Text == "" {
		return out
	}
	out[0], out[1] = p.Code, strings.ToUpper(p.Name)
	if len(p.Code) >= 3 {
		head := p.Code[:3]
		if groupPrefixes[head] {
			if len(p.Code) >= 6 {
				out[3] = p.Code[3:6]
			}
		} else {
			out[2] = head
		}
		for i := 0; i < 3; i++ {
			if a := 3 + 3*i; len(p.Code) >= a+3 && !groupPrefixes[head] {
				out[7+i] = p.Code[a : a+3]
			}
		}
	}
	return out
}

// geoColumns are Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat,
// Long, FeatureID. sitrep fills the name, the country (ISO 3166 alpha-2
// from GeoNames: GDELT uses FIPS 10-4), the point and the GeoNames id as
// FeatureID; Type and the ADM codes stay empty.
func geoColumns(name, country string, lat, lon float64, id uint32) []string {
	out := make([]string, 8)
	if name == "" {
		return out
	}
	out[1], out[2] = name, country
	out[5], out[6] = strconv.FormatFloat(lat, 'f', 4, 64), strconv.FormatFloat(lon, 'f', 4, 64)
	if id != 0 {
		out[7] = strconv.FormatUint(uint64(id), 10)
	}
	return out
}

func gdeltTime(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format("20060102150405")
}

// WriteGDELTEvents writes recs as a GDELT 2.0 Events table: tab-separated,
// no header, GDELT's 61 columns (header adds a first line of column
// names).
func WriteGDELTEvents(w io.Writer, recs []Record, header bool) error {
	bw := bufio.NewWriter(w)
	if header {
		bw.WriteString(strings.Join(GDELTEventColumns, "\t") + "\n")
	}
	for i := range recs {
		r := &recs[i]
		row := make([]string, 0, len(GDELTEventColumns))
		row = append(row, strconv.FormatInt(r.ID, 10))
		if t, ok := ParseDate(r.Date); ok {
			frac := float64(t.Year()) + float64(t.YearDay()-1)/365
			row = append(row, t.Format("20060102"), t.Format("200601"), t.Format("2006"), strconv.FormatFloat(frac, 'f', 4, 64))
		} else {
			row = append(row, "", "", "", "")
		}
		row = append(row, actorColumns(r.Source)...)
		row = append(row, actorColumns(r.Target)...)
		root := "0"
		if r.FirstReport.Sentence == 0 {
			root = "1"
		}
		base := r.Cameo
		if len(base) > 3 {
			base = base[:3]
		}
		row = append(row, root, r.Cameo, base, r.CameoRoot, strconv.Itoa(r.QuadClass), strconv.FormatFloat(r.Goldstein, 'f', 1, 64),
			strconv.Itoa(r.NumMentions), strconv.Itoa(r.Sources), strconv.Itoa(r.Articles), "")
		// actor geography: a place standing as the actor
		row = append(row, geoColumns("", "", 0, 0, 0)...)
		if r.Target.GeonamesID != 0 && r.Place != nil && r.Place.GeonamesID == r.Target.GeonamesID {
			row = append(row, geoColumns(r.Place.Name, r.Place.Country, r.Place.Lat, r.Place.Lon, r.Place.GeonamesID)...)
		} else {
			row = append(row, geoColumns("", "", 0, 0, 0)...)
		}
		if r.Place != nil {
			row = append(row, geoColumns(r.Place.Name, r.Place.Country, r.Place.Lat, r.Place.Lon, r.Place.GeonamesID)...)
		} else {
			row = append(row, geoColumns("", "", 0, 0, 0)...)
		}
		row = append(row, gdeltTime(r.FirstReport.Published), r.FirstReport.URL)
		if len(row) != len(GDELTEventColumns) {
			return fmt.Errorf("gdelt: event row has %d columns, want %d", len(row), len(GDELTEventColumns))
		}
		bw.WriteString(strings.Join(clean(row), "\t") + "\n")
	}
	return bw.Flush()
}

// WriteGDELTMentions writes the mentions of recs as a GDELT 2.0 Mentions
// table.
func WriteGDELTMentions(w io.Writer, recs []Record, header bool) error {
	bw := bufio.NewWriter(w)
	if header {
		bw.WriteString(strings.Join(GDELTMentionColumns, "\t") + "\n")
	}
	for i := range recs {
		r := &recs[i]
		evTime := ""
		if t, ok := ParseDate(r.Date); ok {
			evTime = t.Format("20060102150405")
		}
		for _, m := range r.Mentions {
			row := []string{strconv.FormatInt(r.ID, 10), evTime, gdeltTime(m.Published), "1", m.Outlet, m.URL,
				strconv.Itoa(m.Sentence + 1), "-1", "-1", strconv.Itoa(m.Verb.Start), "1", "", "", "", "", ""}
			bw.WriteString(strings.Join(clean(row), "\t") + "\n")
		}
	}
	return bw.Flush()
}

// clean keeps tabs and newlines out of fields.
func clean(row []string) []string {
	for i, f := range row {
		if strings.ContainsAny(f, "\t\n\r") {
			row[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(f)
		}
	}
	return row
}
