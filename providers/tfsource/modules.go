package tfsource

import (
	"encoding/json"
	"errors"
	"io/fs"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
)

// modulesManifest is where terraform init records the modules it
// installed, relative to the root module directory.
var modulesManifest = filepath.Join(".terraform", "modules", "modules.json")

// installedModule is one entry of modules.json.
type installedModule struct {
	// Key is the module's path of call names, dot-separated: "vpc" for
	// module "vpc" in the root module, "vpc.subnets" for a call inside it.
	Key string `json:"Key"`
	// Source is the module source as terraform init resolved it.
	Source string `json:"Source"`
	// Version is the registry version installed, if any.
	Version string `json:"Version"`
	// Dir is the directory holding the module, relative to the root
	// module directory.
	Dir string `json:"Dir"`
}

// readModulesManifest reads .terraform/modules/modules.json in the root
// module directory, if terraform init wrote one, so that registry, Git
// and other remote modules are evaluated from where it installed them.
// A manifest that cannot be read is a warning: the modules it lists stay
// unevaluated, as without it.
func (l *loader) readModulesManifest() {
	name := filepath.Join(l.rootDir, modulesManifest)
	src, err := l.sb.readFile(name, maxFileBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	rng := &hcl.Range{Filename: name}
	if err != nil {
		l.warnf(rng, "Module manifest not read", "%v; modules that terraform init installed are not evaluated.", err)
		return
	}
	var manifest struct {
		Modules []installedModule `json:"Modules"`
	}
	if err := json.Unmarshal(src, &manifest); err != nil {
		l.warnf(rng, "Module manifest not read", "%s is not the JSON terraform init writes (%v); modules that terraform init installed are not evaluated.", name, err)
		return
	}
	l.installed = make(map[string]installedModule, len(manifest.Modules))
	for _, m := range manifest.Modules {
		if m.Key != "" && m.Dir != "" {
			l.installed[m.Key] = m
		}
	}
}
