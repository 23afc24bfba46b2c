//! Who changes made on this computer are attributed to when nobody has said: the system's full
//! name, as people are listed in the history, never "unknown".
//!
//! On Unix the full name is the GECOS field of the current user's passwd entry, up to its
//! first comma (the rest is room, telephone numbers). The entry is read from `/etc/passwd`, and
//! through `getent` for users from a directory service; no crate is needed for either. Without
//! a full name the login name is used; without that, the computer's name; and when nothing at
//! all is known, `SOMEONE_HERE`, which still reads as a person in the timeline ("by someone on
//! this computer") where "unknown" read as a fault.

use std::process::Command;

/// The author when neither a name, a login nor the computer's name can be found.
pub const SOMEONE_HERE: &str = "Someone on this computer";

/// The system's full name of the person running the app (see the module's notes).
pub fn system_author() -> String {
    let login = login_name();
    let entry = std::fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|text| passwd_entry(&text, current_uid(), login.as_deref()))
        .or_else(|| getent_entry(current_uid(), login.as_deref()));
    let (entry_login, full) = match entry {
        Some((l, full)) => (Some(l), full),
        None => (None, None),
    };
    full.or(login)
        .or(entry_login)
        .or_else(|| host_name().map(|host| format!("Someone on {host}")))
        .unwrap_or_else(|| SOMEONE_HERE.to_string())
}

/// The login name from the environment, if it is set and not blank.
fn login_name() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .map(|name| name.trim().to_string())
        .find(|name| !name.is_empty())
}

/// The user id of this process, where the system says it without a C call: the owner of
/// `/proc/self` (Linux). Elsewhere the passwd entry is found by login name.
fn current_uid() -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata("/proc/self").ok().map(|m| m.uid())
    }
    #[cfg(not(unix))]
    {
        None
    }
}

fn getent_entry(uid: Option<u32>, login: Option<&str>) -> Option<(String, Option<String>)> {
    let key = uid.map(|u| u.to_string()).or(login.map(str::to_string))?;
    let out = Command::new("getent")
        .args(["passwd", &key])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    passwd_entry(&String::from_utf8_lossy(&out.stdout), uid, login)
}

fn host_name() -> Option<String> {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// The login and full name of the entry in `passwd` (the `/etc/passwd` format) for `uid`, or
/// for `login` when the uid is not known. The full name is the GECOS field up to its first
/// comma, with `&` standing for the login name capitalised (as `finger` reads it); `None` when
/// that is blank.
pub fn passwd_entry(
    passwd: &str,
    uid: Option<u32>,
    login: Option<&str>,
) -> Option<(String, Option<String>)> {
    let fields = passwd
        .lines()
        .map(|line| line.split(':').collect::<Vec<_>>())
        .filter(|f| f.len() >= 5)
        .find(|f| match uid {
            Some(uid) => f[2].parse::<u32>() == Ok(uid),
            None => Some(f[0]) == login,
        })?;
    let user = fields[0].to_string();
    let gecos = fields[4].split(',').next().unwrap_or("");
    let mut capitalised = user.chars();
    let capitalised = capitalised
        .next()
        .map(|c| c.to_uppercase().chain(capitalised).collect::<String>())
        .unwrap_or_default();
    let full = gecos.replace('&', &capitalised).trim().to_string();
    Some((user, Some(full).filter(|f| !f.is_empty())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWD: &str = "root:x:0:0:root:/root:/bin/bash\n\
        ada:x:1000:1000:Ada Lovelace,Room 12,555-0100,,:/home/ada:/bin/bash\n\
        bob:x:1001:1001::/home/bob:/bin/sh\n\
        carl:x:1002:1002:& Sagan:/home/carl:/bin/sh\n";

    #[test]
    fn the_full_name_is_the_gecos_field_up_to_its_first_comma() {
        assert_eq!(
            passwd_entry(PASSWD, Some(1000), None),
            Some(("ada".into(), Some("Ada Lovelace".into()))),
            "the room and telephone after the comma are not part of a person's name"
        );
    }

    #[test]
    fn a_blank_gecos_leaves_the_login_name_to_be_used() {
        assert_eq!(
            passwd_entry(PASSWD, Some(1001), None),
            Some(("bob".into(), None))
        );
    }

    #[test]
    fn an_ampersand_in_the_gecos_field_stands_for_the_login_capitalised() {
        assert_eq!(
            passwd_entry(PASSWD, None, Some("carl")).and_then(|(_, full)| full),
            Some("Carl Sagan".into())
        );
    }

    #[test]
    fn a_uid_not_in_the_file_finds_no_entry() {
        assert_eq!(passwd_entry(PASSWD, Some(4242), Some("ada")), None);
        assert_eq!(passwd_entry("garbage\n\n:::", Some(0), None), None);
    }

    #[test]
    fn the_system_author_is_never_unknown_or_blank() {
        let author = system_author();
        assert!(
            !author.trim().is_empty() && !author.eq_ignore_ascii_case("unknown"),
            "history entries must name someone a reader can recognise, not `{author}`"
        );
    }
}
