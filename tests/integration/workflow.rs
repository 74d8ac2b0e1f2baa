//! The release workflow (.github/workflows/release.yml) is valid YAML and
//! builds what the shipping issue asks for. GitHub runs it, not this CI, so
//! its shape is what can be checked here (parsed with Debian's PyYAML).

use std::process::Command;

use klimat_tests::root;
use serde_json::Value;

fn workflow() -> Value {
    let python = if std::path::Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let out = Command::new(python)
        .args([
            "-c",
            "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
            root()
                .join(".github/workflows/release.yml")
                .to_str()
                .unwrap(),
        ])
        .output()
        .expect("python3 with PyYAML (python3-yaml, installed by scripts/test.sh)");
    assert!(
        out.status.success(),
        "YAML does not parse: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_release_workflow_builds_every_installer_on_tags() {
    let w = workflow();
    // PyYAML reads the key `on` as the boolean true.
    let on = w.get("on").or_else(|| w.get("true")).expect("a trigger");
    assert_eq!(on["push"]["tags"][0], "v*", "runs on version tags");
    let job = &w["jobs"]["build"];
    let include = job["strategy"]["matrix"]["include"].as_array().unwrap();
    let names: Vec<&str> = include
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["linux", "windows", "windows-offline", "macos"]);
    let args = |name: &str| {
        include.iter().find(|m| m["name"] == name).unwrap()["args"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(args("windows").contains("nsis,msi"));
    assert!(args("windows-offline").contains("tauri.windows-offline.conf.json"));
    assert!(args("macos").contains("dmg"));
    let steps = job["steps"].as_array().unwrap();
    assert!(steps.iter().any(|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("tauri-apps/tauri-action@"))
    }));
    let portable = steps
        .iter()
        .find(|s| s["name"] == "Portable zip for USB sticks (Windows)")
        .unwrap();
    assert!(
        portable["run"]
            .as_str()
            .unwrap()
            .contains("\"$dir/portable\""),
        "the zip carries the portable marker"
    );
    let cli = steps
        .iter()
        .position(|s| s["name"] == "The klimat command")
        .expect("the klimat command is built");
    let first_bundle = steps
        .iter()
        .position(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("tauri-apps/"))
        })
        .unwrap();
    assert!(
        cli < first_bundle,
        "the .deb and the portable zip carry the klimat command: it is built before bundling"
    );
    // The offline variant must not upload under the normal variant's names.
    let rename = steps
        .iter()
        .find(|s| s["name"] == "Name the offline installers (Windows)")
        .unwrap();
    assert_eq!(rename["if"], "matrix.name == 'windows-offline'");
    assert!(
        rename["run"]
            .as_str()
            .unwrap()
            .contains("_offline-webview2")
    );
    let releasing: Vec<&Value> = steps
        .iter()
        .filter(|s| s["with"]["tagName"].is_string())
        .collect();
    assert_eq!(releasing.len(), 1, "one step uploads tauri-action's names");
    assert_eq!(releasing[0]["if"], "matrix.name != 'windows-offline'");
    let offline: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("src-tauri/tauri.windows-offline.conf.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        offline["bundle"]["windows"]["webviewInstallMode"]["type"],
        "offlineInstaller"
    );
}
