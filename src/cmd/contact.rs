//! `milestone contact [NAME PHONE]`: keep someone to call in a hard moment, or list them.

use std::io::Write;

use anyhow::{Result, anyhow, bail};

use crate::cli::ContactArgs;
use crate::context::Context;
use crate::journal::{Contact, Journal, check_contact, edit};
use crate::output::terminal_safe;
use crate::storage;
use crate::words::sos as words;

pub fn run(args: ContactArgs, ctx: &Context) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let (Some(name), Some(phone)) = (args.name, args.phone) else {
        let journal = storage::load_journal(&ctx.journal, ctx.cache())?;
        if journal.contacts.is_empty() {
            writeln!(out, "{}", words::NO_PEOPLE_YET)?;
            return Ok(());
        }
        writeln!(out, "{}", words::PEOPLE_LIST_TITLE)?;
        let widest = journal
            .contacts
            .iter()
            .map(|c| terminal_safe(&c.name).chars().count())
            .max()
            .unwrap_or(0);
        for c in &journal.contacts {
            let name = terminal_safe(&c.name);
            let pad = widest - name.chars().count();
            writeln!(
                out,
                "  {name}{}  {}",
                " ".repeat(pad),
                terminal_safe(&c.phone)
            )?;
        }
        return Ok(());
    };
    let (name, phone) = check_contact(&name, &phone).map_err(|why| anyhow!("{why}"))?;
    let contact = Contact { name, phone };
    let known = storage::load_journal_if_any(&ctx.journal, ctx.cache())?
        .map(|journal| already(&journal, &contact))
        .transpose()?;
    if known == Some(true) {
        writeln!(out, "{}", words::CONTACT_ALREADY_KEPT)?;
        return Ok(());
    }
    storage::modify(&ctx.journal, ctx.cache(), |journal, document| {
        if already(journal, &contact)? {
            bail!("{}", words::CONTACT_ALREADY_KEPT);
        }
        edit::append_contact(document, &contact);
        Ok(())
    })?;
    writeln!(
        out,
        "{}",
        words::contact_added(&terminal_safe(&contact.name))
    )?;
    Ok(())
}

/// True when the journal has this person with this number; an error when it has them with
/// another (which `edit` changes: two numbers under one name would leave the person guessing).
fn already(journal: &Journal, contact: &Contact) -> Result<bool> {
    match journal.contacts.iter().find(|c| c.name == contact.name) {
        None => Ok(false),
        Some(c) if c.phone == contact.phone => Ok(true),
        Some(c) => bail!(
            "{}",
            words::contact_has_other_number(&terminal_safe(&c.name), &terminal_safe(&c.phone))
        ),
    }
}
