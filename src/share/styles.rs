//! Writing a composed message in the style of its destination. Each style decides how to
//! emphasise and how to make the person's words safe: nothing from the journal can break the
//! formatting, ping a whole server, or smuggle in a link.

use super::{Line, Message, Part, ShareStyle};
use crate::output::markdown_escape;

/// The most characters an SMS-style message may have.
pub const SMS_LIMIT: usize = 160;

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
        ShareStyle::Sms => sms(&lines.join(" ")),
        // A single newline joins lines into one paragraph in Markdown.
        ShareStyle::Markdown => lines.join("\n\n"),
        _ => lines.join("\n"),
    };
    out.push('\n');
    out
}

/// The first of the ever shorter versions `compose(level)` gives that fits one SMS; the
/// shortest, cut, when none does.
pub fn render_sms(compose: impl Fn(u8) -> Message, emoji: bool) -> String {
    render_sms_levels(|level| compose(level as u8), 4, emoji)
}

/// `render_sms` over `levels` versions, from the fullest (0) to the shortest.
pub fn render_sms_levels(compose: impl Fn(usize) -> Message, levels: usize, emoji: bool) -> String {
    let one_line = |message: &Message| -> String {
        let lines: Vec<String> = message
            .lines
            .iter()
            .map(|line| render_line(line, ShareStyle::Sms, emoji))
            .collect();
        lines.join(" ")
    };
    let mut line = String::new();
    for level in 0..levels.max(1) {
        line = one_line(&compose(level));
        if line.chars().count() <= SMS_LIMIT {
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
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '*' | '_' | '~' | '`' | '@' => {
                out.push(c);
                out.push(ZWSP);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `@everyone`, `@here` and `<@id>` mentions notify people; a zero-width space after `@`
/// keeps the text and drops the ping.
fn defuse_mentions(text: &str) -> String {
    text.replace('@', &format!("@{ZWSP}"))
}

/// One line of at most `SMS_LIMIT` characters, cut at a word with an ellipsis when longer.
fn sms(line: &str) -> String {
    if line.chars().count() <= SMS_LIMIT {
        return line.to_owned();
    }
    let cut: String = line.chars().take(SMS_LIMIT - 1).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > SMS_LIMIT / 2 => &cut[..space],
        _ => &cut,
    };
    format!("{}…", at_word.trim_end())
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
        assert!(cut.chars().count() <= SMS_LIMIT, "{}", cut.chars().count());
        assert!(cut.ends_with("word…"), "{cut}");
        assert_eq!(sms("short"), "short");
    }
}
