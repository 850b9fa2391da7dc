package bundles

import (
	"bytes"
	_ "embed"
	"strings"
	"text/template"
)

// subjectFiles are the files the statement covers, in the order the guide
// lists them.
var subjectFiles = []string{FileVerify, FileFacts, FileManifest, FilePolicies, FileReport}

//go:embed verify.md.tmpl
var guideSource string

var guideTemplate = template.Must(template.New(FileVerify).Parse(guideSource))

// verifyGuide renders VERIFY.md for a bundle signed by the key with hint.
func verifyGuide(hint string) []byte {
	var buf bytes.Buffer
	err := guideTemplate.Execute(&buf, map[string]any{
		"Hint":             hint,
		"DSSE":             FileDSSE,
		"Sigstore":         FileSigstore,
		"PayloadType":      PayloadType,
		"PredicateType":    PredicateType,
		"Subjects":         subjectFiles,
		"EmptyTrustedRoot": EmptyTrustedRoot,
	})
	if err != nil {
		// The template and its data are fixed; failing here is a bug.
		panic("render VERIFY.md: " + err.Error())
	}
	return []byte(strings.TrimLeft(buf.String(), "\n"))
}
