package catalog

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
)

// annexPrefix is how ISO/IEC 27001 Annex A writes its control ids: A.8.24
// is control 8.24 of ISO/IEC 27002.
const annexPrefix = "A."

// NormalizeID returns id without an Annex A prefix ("A.8.24" or "a.8.24"
// becomes "8.24"); any other id is returned as it is.
func NormalizeID(id string) string {
	if len(id) > len(annexPrefix) && strings.EqualFold(id[:len(annexPrefix)], annexPrefix) {
		return id[len(annexPrefix):]
	}
	return id
}

// ParseID normalises id (NormalizeID) and checks that it has the form of
// an ISO/IEC 27002:2022 control id: a theme 5 to 8, a dot and a control
// number from 1 without leading zeros ("5.10", "8.24"). It does not check
// that the catalog holds the control; Catalog.CheckID does.
func ParseID(id string) (string, error) {
	n := NormalizeID(id)
	theme, num, ok := strings.Cut(n, ".")
	if !ok || len(theme) != 1 || theme[0] < '5' || theme[0] > '8' || !positive(num) || len(num) > 2 {
		return "", fmt.Errorf("%q is not a control id such as 8.24 (a theme 5 to 8, a dot, a control number)", id)
	}
	return n, nil
}

// positive reports whether s is a decimal number above zero without a sign
// or leading zeros.
func positive(s string) bool {
	if s == "" || s[0] == '0' {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// CompareIDs orders dotted ids (controls such as 5.10, clauses such as
// 6.1.3) part by part, numerically where both parts are numbers, so 5.2
// sorts before 5.10 and 6.1 before 6.1.3; other parts compare as text.
func CompareIDs(a, b string) int {
	// Findings are sorted by their control, and most comparisons are of
	// a control with itself: they cost no parsing.
	if a == b {
		return 0
	}
	for {
		ap, arest, amore := strings.Cut(a, ".")
		bp, brest, bmore := strings.Cut(b, ".")
		an, aerr := strconv.Atoi(ap)
		bn, berr := strconv.Atoi(bp)
		if aerr == nil && berr == nil {
			if c := cmp.Compare(an, bn); c != 0 {
				return c
			}
		} else if c := cmp.Compare(ap, bp); c != 0 {
			return c
		}
		if !amore || !bmore {
			return cmp.Compare(boolRank(amore), boolRank(bmore))
		}
		a, b = arest, brest
	}
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
