//! The `clean` example on a batch with a bad file: one line on stderr
//! naming that file, the other files still extracted, exit code non-zero.

use std::path::PathBuf;
use std::process::Command;

/// `target/<profile>/examples/clean`, which `cargo test` builds.
fn clean_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?;
    let bin = dir
        .join("examples")
        .join(format!("clean{}", std::env::consts::EXE_SUFFIX));
    bin.exists().then_some(bin)
}

#[test]
fn bad_file_is_named_and_the_rest_still_run() {
    let Some(bin) = clean_binary() else {
        eprintln!("skipped: the clean example is not built");
        return;
    };
    let dir = std::env::temp_dir().join(format!("article-extract-clean-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a_good.html"),
        "<html><body><article><p>The council approved the budget on Monday after a long debate.</p></article></body></html>",
    )
    .unwrap();
    std::fs::write(
        dir.join("c_good.txt"),
        "Officials said about 300 homes were damaged by the storm on Tuesday night.",
    )
    .unwrap();
    // A file that cannot be read: a dangling symlink (root reads any
    // permission), or on other systems a directory would do.
    let bad = dir.join("b_bad.html");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("missing"), &bad).unwrap();
    #[cfg(not(unix))]
    std::fs::write(&bad, "").unwrap();
    // And an input over the size limit is an error too, named the same way.
    let out = Command::new(&bin)
        .arg("--format")
        .arg("text")
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let _ = std::fs::remove_dir_all(&dir);
    if cfg!(unix) {
        assert!(!out.status.success(), "exit code should be non-zero");
        let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "one error line expected: {stderr}");
        assert!(
            lines[0].contains("b_bad.html"),
            "error names the file: {stderr}"
        );
    }
    assert!(
        stdout.contains("The council approved the budget"),
        "{stdout}"
    );
    assert!(stdout.contains("300 homes were damaged"), "{stdout}");
}
