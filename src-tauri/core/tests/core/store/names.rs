//! Organisation names are unique ignoring case and surrounding spaces, wherever a name comes
//! from (creating, renaming, restoring, undo, importing), while a database that already holds
//! two names alike but for case keeps working.

use super::fresh;
use crate::support::caf_ai;
use atlas_core::store::{Store, StoreError, DB_FILE};
use std::path::Path;

fn refused_as_duplicate<T: std::fmt::Debug>(result: Result<T, StoreError>, why: &str) -> String {
    match result {
        Err(StoreError::DuplicateOrganisation(taken)) => taken,
        other => panic!("{why}; got {other:?}"),
    }
}

#[test]
fn a_name_differing_only_in_case_or_spaces_is_refused_on_creation() {
    let (_dir, mut store) = fresh();
    store.create_organisation("Contoso Bank").unwrap();
    let taken = refused_as_duplicate(
        store.create_organisation("contoso bank"),
        "people read `contoso bank` beside `Contoso Bank` as one organisation",
    );
    assert_eq!(
        taken, "Contoso Bank",
        "the message names the organisation already there"
    );
    refused_as_duplicate(
        store.create_organisation("  CONTOSO BANK  "),
        "surrounding spaces and capitals do not make a new name",
    );
    let acme = store.create_organisation(" Acme ").unwrap();
    assert_eq!(
        acme.name, "Acme",
        "a name is stored without its surrounding spaces"
    );
    assert_eq!(
        store.organisations().unwrap().len(),
        2,
        "the refused names created nothing"
    );
}

#[test]
fn a_rename_to_another_organisations_name_in_other_case_is_refused_but_recasing_itself_is_not() {
    let (_dir, mut store) = fresh();
    store.create_organisation("Contoso Bank").unwrap();
    let acme = store.create_organisation("acme").unwrap();
    refused_as_duplicate(
        store.rename_organisation(acme.id, "CONTOSO bank"),
        "a rename may not take another live organisation's name in other case",
    );
    let recased = store.rename_organisation(acme.id, "Acme").unwrap();
    assert_eq!(
        recased.name, "Acme",
        "an organisation may change the case of its own name"
    );
}

#[test]
fn restoring_or_undoing_into_a_name_taken_in_other_case_is_refused() {
    let (_dir, mut store) = fresh();
    let old = store.create_organisation("Contoso Bank").unwrap();
    store.delete_organisation(old.id).unwrap();
    store.create_organisation("CONTOSO BANK").unwrap();
    refused_as_duplicate(
        store.restore_organisation(old.id),
        "two live organisations alike but for case would come back",
    );
    refused_as_duplicate(
        store.undo(caf_ai(), old.id),
        "undoing the delete would bring back a name now taken in other case",
    );
    assert_eq!(store.organisations().unwrap().len(), 1, "nothing came back");
}

#[test]
fn an_import_of_a_name_taken_in_other_case_is_refused_or_merged_into_it() {
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Contoso Bank").unwrap();
    let file = store
        .export_json(Some(org.id))
        .unwrap()
        .replace("Contoso Bank", "contoso bank");
    let (_other, mut here) = fresh();
    here.create_organisation("CONTOSO BANK").unwrap();
    refused_as_duplicate(
        here.import_json(caf_ai(), Path::new("contoso.json"), &file, false),
        "an import may not add a second organisation alike but for case",
    );
    let report = here
        .import_json(caf_ai(), Path::new("contoso.json"), &file, true)
        .unwrap();
    assert!(
        report.organisations_added.is_empty(),
        "a merge goes into the organisation of that name in other case, never beside it: {report:?}"
    );
    assert_eq!(here.organisations().unwrap().len(), 1);
}

#[test]
fn a_database_already_holding_names_alike_but_for_case_keeps_working() {
    let (dir, mut store) = fresh();
    let upper = store.create_organisation("Contoso Bank").unwrap();
    drop(store);
    // Written before the rule: the database's own index only kept exact duplicates out.
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    conn.execute(
        "INSERT INTO organisations (id, name, created_at) VALUES (2, 'contoso bank', '2025-01-01T00:00:00Z')",
        [],
    )
    .unwrap();
    drop(conn);

    let mut store = Store::open(dir.path(), "Ada").expect("the older database still opens");
    let names: Vec<_> = store
        .organisations()
        .unwrap()
        .into_iter()
        .map(|o| o.name)
        .collect();
    assert_eq!(names, ["Contoso Bank", "contoso bank"], "both are listed");
    store
        .describe_organisation(2, "the retail arm")
        .expect("the older pair can still be described");
    store
        .save_assessment(caf_ai(), upper.id, "data-curation", super::two_four("kept"))
        .expect("and assessed");
    store.undo(caf_ai(), 2).expect("and its changes undone");
    let lower = store
        .rename_organisation(2, "Contoso Retail")
        .expect("and renamed apart");
    assert_eq!(lower.name, "Contoso Retail");
    let file = store.export_json(None).unwrap();
    let (_other, mut fresh_store) = fresh();
    let file = file.replace("Contoso Retail", "contoso bank");
    fresh_store
        .import_json(caf_ai(), Path::new("pair.json"), &file, false)
        .expect("an export holding the older pair still imports into an empty folder");
}
