package runner

import (
	"errors"
	"fmt"
	"strings"

	"github.com/annexa-dev/annexa/engine/waiver"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/input"
)

// maxSourceBytes bounds a Terraform file read again for its inline
// suppressions; the provider read it within the same bound.
const maxSourceBytes = 16 << 20

// Waivers are the run's waivers: those of the waivers file (--waivers,
// else waivers: in the project file) and the inline suppressions of its
// sources, a comment `# annexa:ignore POLICY reason="…" expires=DATE` on
// the lines right above a Terraform resource block, or the annotation
// annexa.dev/ignore of a Kubernetes object, which waive the findings of
// the policy about that resource. Errors name the file and line.
func (r *Run) Waivers(fs []facts.Fact) ([]waiver.Waiver, error) {
	var out []waiver.Waiver
	if r.waiversFile != "" {
		ws, err := waiver.ReadFile(r.waiversFile)
		if err != nil {
			return nil, err
		}
		out = append(out, ws...)
	}
	inline, err := inlineWaivers(fs)
	if err != nil {
		return nil, err
	}
	return append(out, inline...), nil
}

// inlineWaivers reads the suppressions written in the sources of fs.
func inlineWaivers(fs []facts.Fact) ([]waiver.Waiver, error) {
	var out []waiver.Waiver
	var errs []error
	lines := map[string][]string{}
	for _, f := range fs {
		switch {
		case f.Kind == facts.KindKubernetes:
			ws, err := annotationWaivers(f)
			errs = append(errs, err)
			out = append(out, ws...)
		case f.Kind == facts.KindResource && strings.HasSuffix(f.Source.File, ".tf") && f.Source.Line > 0:
			text, ok := lines[f.Source.File]
			if !ok {
				data, err := input.ReadFile(f.Source.File, maxSourceBytes)
				if err != nil {
					errs = append(errs, fmt.Errorf("read inline waivers: %w", err))
					lines[f.Source.File] = nil
					continue
				}
				text = strings.Split(string(data), "\n")
				lines[f.Source.File] = text
			}
			ws, err := commentWaivers(f, text)
			errs = append(errs, err)
			out = append(out, ws...)
		}
	}
	return out, errors.Join(errs...)
}

// commentWaivers reads the suppressions in the comment lines right above
// the line of f's block.
func commentWaivers(f facts.Fact, text []string) ([]waiver.Waiver, error) {
	var out []waiver.Waiver
	for n := f.Source.Line - 1; n >= 1 && n <= len(text); n-- {
		line := strings.TrimSpace(text[n-1])
		if !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "//") {
			break
		}
		w, ok, err := waiver.ParseInline(f.Source.File, n, f.ID, line)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, w)
		}
	}
	return out, nil
}

// annotationWaivers reads the suppressions in the annexa.dev/ignore
// annotation of a Kubernetes object, one a line.
func annotationWaivers(f facts.Fact) ([]waiver.Waiver, error) {
	meta, _ := f.Attributes["metadata"].(map[string]any)
	ann, _ := meta["annotations"].(map[string]any)
	v, ok := ann[waiver.Annotation]
	if !ok {
		return nil, nil
	}
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("%s:%d: %s: annotation %s must be a string", f.Source.File, f.Source.Line, f.ID, waiver.Annotation)
	}
	var out []waiver.Waiver
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		w, err := waiver.ParseDirective(f.Source.File, f.Source.Line, f.ID, line)
		if err != nil {
			return nil, fmt.Errorf("annotation %s of %s: %w", waiver.Annotation, f.ID, err)
		}
		out = append(out, w)
	}
	return out, nil
}
