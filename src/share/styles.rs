//! Writing a composed message in the style of its destination. Each style decides how to
//! emphasise and how to make the person's words safe: nothing from the journal can break the
//! formatting, ping a whole server, or smuggle in a link.

use super::{Line, Message, Part, ShareStyle};
use crate::output::markdown_escape;

/// One SMS holds 160 characters of the GSM-7 alphabet, or 70 UTF-16 units once any character
/// outside it (an emoji, most accents outside western Europe) makes the phone send UCS-2.
pub const SMS_GSM7_LIMIT: usize = 160;
pub const SMS_UCS2_LIMIT: usize = 70;

/// Zero-width space: splits a sequence a chat would act on without changing what is seen.
const ZWSP: char = '\u{200b}';

/// The message as text in `style`, ending with a newline. `style` must not be `Json`.
pub fn render(message: &Message, style: ShareStyle, emoji: bool) -> String {
    let lines: Vec<String> = message
        .lines
        .iter()
        .map(|line| render_line(line, style, emoji))
        .collect();
    let mut out = match style {
        ShareStyle::Sms => sms(&sms_text(&sms_join(&lines))),
        // A single newline joins lines into one paragraph in Markdown.
        ShareStyle::Markdown => lines.join("\n\n"),
        _ => lines.join("\n"),
    };
    out.push('\n');
    out
}

/// The first of the ever shorter versions `compose(level)` gives that fits one SMS; the
/// shortest, cut, when none does. Emoji are left out of an SMS: one would make the phone send
/// it as UCS-2, with room for 70 characters instead of 160.
pub fn render_sms(compose: impl Fn(u8) -> Message, emoji: bool) -> String {
    render_sms_levels(|level| compose(level as u8), 5, emoji)
}

/// `render_sms` over `levels` versions, from the fullest (0) to the shortest.
pub fn render_sms_levels(
    compose: impl Fn(usize) -> Message,
    levels: usize,
    _emoji: bool,
) -> String {
    let one_line = |message: &Message| -> String {
        let lines: Vec<String> = message
            .lines
            .iter()
            .map(|line| render_line(line, ShareStyle::Sms, false))
            .collect();
        sms_text(&sms_join(&lines))
    };
    let mut line = String::new();
    for level in 0..levels.max(1) {
        line = one_line(&compose(level));
        if sms_fits_one(&line) {
            break;
        }
    }
    format!("{}\n", sms(&line))
}

fn render_line(line: &Line, style: ShareStyle, emoji: bool) -> String {
    let mut out = String::new();
    if emoji && !line.emoji.is_empty() {
        out.push_str(line.emoji);
        out.push(' ');
    }
    for part in &line.parts {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Strong(text) => match style {
                ShareStyle::Markdown | ShareStyle::Discord => out.push_str(&format!("**{text}**")),
                ShareStyle::Slack => out.push_str(&format!("*{text}*")),
                _ => out.push_str(text),
            },
            Part::User(text) => out.push_str(&escape_user(text, style)),
            Part::StrongUser(text) => {
                let text = escape_user(text, style);
                out.push_str(&match style {
                    ShareStyle::Markdown | ShareStyle::Discord => format!("**{text}**"),
                    ShareStyle::Slack => format!("*{text}*"),
                    _ => text,
                });
            }
        }
    }
    out
}

/// The person's words made inert for `style`.
pub fn escape_user(text: &str, style: ShareStyle) -> String {
    let text = super::clean_note(text);
    match style {
        ShareStyle::Markdown => markdown_escape(&text),
        ShareStyle::Discord => defuse_mentions(&markdown_escape(&text)),
        ShareStyle::Slack => slack_escape(&text),
        ShareStyle::Plain
        | ShareStyle::Sms
        | ShareStyle::Json
        | ShareStyle::Svg
        | ShareStyle::Png => text,
    }
}

/// Slack's mrkdwn has no backslash escapes: `&`, `<` and `>` become entities (which also
/// stops `<!everyone>` and `<http://..|links>`), and a zero-width space after each formatting
/// character keeps it from pairing up.
fn slack_escape(text: &str) -> String {
    crate::output::with_entities(text, |c, out| {
        out.push(c);
        if matches!(c, '*' | '_' | '~' | '`' | '@') {
            out.push(ZWSP);
        }
    })
}

/// `@everyone`, `@here` and `<@id>` mentions notify people; a zero-width space after `@`
/// keeps the text and drops the ping.
fn defuse_mentions(text: &str) -> String {
    text.replace('@', &format!("@{ZWSP}"))
}

/// The GSM-7 alphabet's basic characters (one septet each) and its extension (two each).
const GSM7_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION: &str = "^{}\\[~]|€\u{c}";

/// What a character costs in GSM-7 septets, `None` when it is not in the alphabet.
fn gsm7_cost(c: char) -> Option<usize> {
    if GSM7_BASIC.contains(c) {
        Some(1)
    } else if GSM7_EXTENSION.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// The room one SMS of `text` has, and how much of it `text` uses, as a phone counts them.
pub fn sms_room(text: &str) -> (usize, usize) {
    let septets: Option<usize> = text.chars().map(gsm7_cost).sum();
    match septets {
        Some(used) => (SMS_GSM7_LIMIT, used),
        None => (SMS_UCS2_LIMIT, text.encode_utf16().count()),
    }
}

fn sms_fits_one(text: &str) -> bool {
    let (room, used) = sms_room(text);
    used <= room
}

/// Emoji and their joiners, which an SMS leaves out.
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1f000}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{2b00}'..='\u{2bff}'
        | '\u{fe0e}' | '\u{fe0f}' | '\u{200d}' | '\u{20e3}' | '\u{e0020}'..='\u{e007f}')
}

/// A line as an SMS carries it: no emoji, and the typographic marks this program writes (`·`,
/// `…`, curly quotes, dashes) in their GSM-7 forms, so they do not force UCS-2.
fn sms_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            c if is_emoji(c) => {}
            '·' | '–' | '—' => out.push('-'),
            '…' => out.push_str("..."),
            '‘' | '’' => out.push('\''),
            '“' | '”' => out.push('"'),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines on one line: where a line's emoji marked a new thought, " - " does once they are gone.
fn sms_join(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            let ends_a_sentence = out.ends_with(['.', '!', '?', ':']);
            let marked = line.starts_with("- ");
            out.push_str(if ends_a_sentence || marked {
                " "
            } else {
                " - "
            });
        }
        out.push_str(line);
    }
    out
}

/// One line that fits one SMS, cut at a word with "..." when longer.
fn sms(line: &str) -> String {
    if sms_fits_one(line) {
        return line.to_owned();
    }
    let (room, _) = sms_room(line);
    let budget = room - 3;
    let mut cut = String::new();
    let mut used = 0;
    for c in line.chars() {
        let cost = if room == SMS_GSM7_LIMIT {
            gsm7_cost(c).unwrap_or(1)
        } else {
            c.len_utf16()
        };
        if used + cost > budget {
            break;
        }
        used += cost;
        cut.push(c);
    }
    // Between two pieces of news if one ends past the middle, else between two words.
    let at = [" - ", " "]
        .iter()
        .find_map(|gap| cut.rfind(gap).filter(|&at| at > cut.len() / 2));
    let at_word = at.map_or(cut.as_str(), |at| &cut[..at]);
    format!("{}...", at_word.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slack_text_cannot_format_link_or_mention() {
        assert_eq!(
            slack_escape("*bold* <!everyone> <http://x|y> & @here"),
            "*\u{200b}bold*\u{200b} &lt;!everyone&gt; &lt;http://x|y&gt; &amp; @\u{200b}here"
        );
    }

    #[test]
    fn discord_text_cannot_ping() {
        assert_eq!(
            escape_user("@everyone <@123>", ShareStyle::Discord),
            "\\@\u{200b}everyone \\<\\@\u{200b}123\\>"
        );
    }

    #[test]
    fn sms_is_cut_at_a_word() {
        let long = "word ".repeat(60);
        let cut = sms(long.trim());
        assert_eq!(cut.chars().count(), 157, "{cut}");
        assert!(cut.ends_with("word..."), "{cut}");
        assert_eq!(sms("short"), "short");
        // Outside GSM-7, the room is 70 UTF-16 units.
        let cut = sms(&"słowo ".repeat(20));
        assert_eq!(sms_room(&cut), (70, 68), "{cut}");
    }

    #[test]
    fn sms_room_counts_as_a_phone_does() {
        assert_eq!(sms_room("256 days strong."), (160, 16));
        // Extension characters take two septets.
        assert_eq!(sms_room("[5€]"), (160, 7));
        assert_eq!(sms_room(&"a".repeat(160)), (160, 160));
        // One emoji makes the whole message UCS-2; it is two UTF-16 units.
        assert_eq!(sms_room("🎉 ok"), (70, 5));
        assert_eq!(sms_room("ł"), (70, 1));
    }

    #[test]
    fn sms_text_leaves_out_emoji_and_uses_gsm_punctuation() {
        assert_eq!(
            sms_text("🎉 1 year · 🏆 a win… “yes” 👨‍👩‍👧 ok"),
            "1 year - a win... \"yes\" ok"
        );
    }
}
