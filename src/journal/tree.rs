//! The spanned TOML tree the loader reads, built straight from `toml_parser`'s events, and for
//! the plainest lines (nearly all of a journal) by `plain`, which reads them itself.
//!
//! A journal is a few hundred thousand small `[[entry]]` tables. `toml_edit` keeps every byte of
//! every one of them (46 times the file's size in memory) so that an edit can write them back;
//! reading needs only keys, values and where they are. So the shapes a journal is made of
//! (plain keys; `[name]` and `[[name]]` headers at the top level; strings, numbers, dates, arrays
//! and inline tables) are built here, one `[[entry]]` at a time, and handed on as soon as they are
//! complete. Anything else (a dotted key, a nested header) and anything that is not valid TOML is
//! left to `toml_edit` ([`Table::from_document`]), which then says exactly what is wrong: the fast
//! path never has to agree with it on an error, only on what a valid document means (the
//! differential tests in `testing/loader_fuzz.rs` check that).

use std::borrow::Cow;
use std::ops::Range;

use toml_datetime::Datetime;
use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::lexer::{Token, TokenKind};
use toml_parser::parser::{EventReceiver, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

mod plain;

/// A table: its keys in the order written, and the span of its `[header]` (empty for the root
/// and for the tables written inline).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table<'s> {
    span: Range<usize>,
    items: Vec<(Key<'s>, Item<'s>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Key<'s> {
    pub name: Cow<'s, str>,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item<'s> {
    Value(Value<'s>),
    Table(Table<'s>),
    /// `[[name]]` tables, and the span of the first header.
    ArrayOfTables(Vec<Table<'s>>, Range<usize>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Value<'s> {
    pub span: Range<usize>,
    pub kind: ValueKind<'s>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind<'s> {
    String(Cow<'s, str>),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    Datetime(Datetime),
    Array(Vec<Value<'s>>),
    InlineTable(Table<'s>),
}

/// Whether two keys are the same, compared in place: keys are short, and looking them up
/// (a few times for each of hundreds of thousands of entries) through a `memcmp` call for each
/// comparison cost more than the rest of the lookup.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

impl<'s> Table<'s> {
    pub fn get(&self, key: &str) -> Option<&Item<'s>> {
        self.items
            .iter()
            .find(|(k, _)| same_name(&k.name, key))
            .map(|(_, item)| item)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn key(&self, key: &str) -> Option<&Key<'s>> {
        self.items
            .iter()
            .find(|(k, _)| same_name(&k.name, key))
            .map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Item<'s>)> {
        self.items.iter().map(|(k, item)| (&*k.name, item))
    }

    /// Where the table's header is.
    pub fn span(&self) -> Option<Range<usize>> {
        Some(self.span.clone())
    }

    /// The tree of a document `toml_edit` read: the slow path, for what the fast one leaves.
    pub fn from_document(document: &toml_edit::Document<String>) -> Table<'static> {
        from_edit_table(document.as_table())
    }
}

impl Table<'_> {
    /// The same table, owning its text.
    fn into_owned(self) -> Table<'static> {
        Table {
            span: self.span,
            items: self
                .items
                .into_iter()
                .map(|(key, item)| (key.into_owned(), item.into_owned()))
                .collect(),
        }
    }
}

impl Key<'_> {
    fn into_owned(self) -> Key<'static> {
        Key {
            name: Cow::Owned(self.name.into_owned()),
            span: self.span,
        }
    }
}

impl Item<'_> {
    fn into_owned(self) -> Item<'static> {
        match self {
            Item::Value(value) => Item::Value(value.into_owned()),
            Item::Table(table) => Item::Table(table.into_owned()),
            Item::ArrayOfTables(tables, span) => {
                Item::ArrayOfTables(tables.into_iter().map(Table::into_owned).collect(), span)
            }
        }
    }
}

impl Value<'_> {
    fn into_owned(self) -> Value<'static> {
        let kind = match self.kind {
            ValueKind::String(s) => ValueKind::String(Cow::Owned(s.into_owned())),
            ValueKind::Integer(i) => ValueKind::Integer(i),
            ValueKind::Float(f) => ValueKind::Float(f),
            ValueKind::Boolean(b) => ValueKind::Boolean(b),
            ValueKind::Datetime(d) => ValueKind::Datetime(d),
            ValueKind::Array(values) => {
                ValueKind::Array(values.into_iter().map(Value::into_owned).collect())
            }
            ValueKind::InlineTable(table) => ValueKind::InlineTable(table.into_owned()),
        };
        Value {
            span: self.span,
            kind,
        }
    }
}

impl<'s> Item<'s> {
    pub fn span(&self) -> Option<Range<usize>> {
        match self {
            Item::Value(value) => Some(value.span.clone()),
            Item::Table(table) => Some(table.span.clone()),
            Item::ArrayOfTables(_, span) => Some(span.clone()),
        }
    }

    pub fn as_value(&self) -> Option<&Value<'s>> {
        match self {
            Item::Value(value) => Some(value),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        self.as_value().and_then(Value::as_str)
    }

    pub fn as_integer(&self) -> Option<i64> {
        match self.as_value()?.kind {
            ValueKind::Integer(i) => Some(i),
            _ => None,
        }
    }

    pub fn as_float(&self) -> Option<f64> {
        match self.as_value()?.kind {
            ValueKind::Float(f) => Some(f),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.as_value()?.kind {
            ValueKind::Boolean(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_datetime(&self) -> Option<&Datetime> {
        match &self.as_value()?.kind {
            ValueKind::Datetime(d) => Some(d),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value<'s>]> {
        match &self.as_value()?.kind {
            ValueKind::Array(values) => Some(values),
            _ => None,
        }
    }

    pub fn is_array_of_tables(&self) -> bool {
        matches!(self, Item::ArrayOfTables(..))
    }

    /// The type's name as the messages say it (the names `toml_edit` uses).
    pub fn type_name(&self) -> &'static str {
        match self {
            Item::Value(value) => match value.kind {
                ValueKind::String(_) => "string",
                ValueKind::Integer(_) => "integer",
                ValueKind::Float(_) => "float",
                ValueKind::Boolean(_) => "boolean",
                ValueKind::Datetime(_) => "datetime",
                ValueKind::Array(_) => "array",
                ValueKind::InlineTable(_) => "inline table",
            },
            Item::Table(_) => "table",
            Item::ArrayOfTables(..) => "array of tables",
        }
    }
}

impl Value<'_> {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ValueKind::String(s) => Some(s),
            _ => None,
        }
    }
}

fn from_edit_table(table: &toml_edit::Table) -> Table<'static> {
    let items = table
        .iter()
        .map(|(name, item)| {
            let span = table.key(name).and_then(|k| k.span()).unwrap_or(0..0);
            let key = Key {
                name: Cow::Owned(name.to_owned()),
                span,
            };
            let item = match item {
                toml_edit::Item::Value(value) => Item::Value(from_edit_value(value)),
                toml_edit::Item::Table(table) => Item::Table(from_edit_table(table)),
                toml_edit::Item::ArrayOfTables(array) => Item::ArrayOfTables(
                    array.iter().map(from_edit_table).collect(),
                    array
                        .iter()
                        .next()
                        .and_then(toml_edit::Table::span)
                        .unwrap_or(0..0),
                ),
                toml_edit::Item::None => Item::Value(Value {
                    span: 0..0,
                    kind: ValueKind::Array(Vec::new()),
                }),
            };
            (key, item)
        })
        .collect();
    Table {
        span: table.span().unwrap_or(0..0),
        items,
    }
}

fn from_edit_value(value: &toml_edit::Value) -> Value<'static> {
    use toml_edit::Value as V;
    let kind = match value {
        V::String(s) => ValueKind::String(Cow::Owned(s.value().clone())),
        V::Integer(i) => ValueKind::Integer(*i.value()),
        V::Float(f) => ValueKind::Float(*f.value()),
        V::Boolean(b) => ValueKind::Boolean(*b.value()),
        V::Datetime(d) => ValueKind::Datetime(*d.value()),
        V::Array(array) => ValueKind::Array(array.iter().map(from_edit_value).collect()),
        V::InlineTable(table) => {
            let items = table
                .iter()
                .map(|(name, value)| {
                    let span = table.key(name).and_then(|k| k.span()).unwrap_or(0..0);
                    (
                        Key {
                            name: Cow::Owned(name.to_owned()),
                            span,
                        },
                        Item::Value(from_edit_value(value)),
                    )
                })
                .collect();
            ValueKind::InlineTable(Table { span: 0..0, items })
        }
    };
    Value {
        span: value.span().unwrap_or(0..0),
        kind,
    }
}

/// Where the first key of more than `limit` dotted parts begins, in a text toml_parser can
/// read as far as there: toml_edit refuses such a key without saying where.
pub fn first_key_of_more_parts_than(text: &str, limit: usize) -> Option<usize> {
    struct Keys {
        limit: usize,
        parts: usize,
        start: usize,
        found: Option<usize>,
    }
    impl EventReceiver for Keys {
        fn simple_key(&mut self, span: Span, _: Option<Encoding>, _: &mut dyn ErrorSink) {
            if self.parts == 0 {
                self.start = span.start();
            }
            self.parts += 1;
            if self.parts > self.limit && self.found.is_none() {
                self.found = Some(self.start);
            }
        }
        fn key_val_sep(&mut self, _: Span, _: &mut dyn ErrorSink) {
            self.parts = 0;
        }
        fn std_table_close(&mut self, _: Span, _: &mut dyn ErrorSink) {
            self.parts = 0;
        }
        fn array_table_close(&mut self, _: Span, _: &mut dyn ErrorSink) {
            self.parts = 0;
        }
    }
    let mut keys = Keys {
        limit,
        parts: 0,
        start: 0,
        found: None,
    };
    let tokens: Vec<Token> = Source::new(text).lex().collect();
    let mut failed = false;
    toml_parser::parser::parse_document(&tokens, &mut keys, &mut Failed(&mut failed));
    keys.found
}

/// Why the fast path gave a document back to `toml_edit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotPlain;

/// Reads `text`, handing each complete top-level `[[entry]]` table to `each_entry` as soon as
/// the next one begins (so only one is held at a time), and returns the rest of the document,
/// where `entry` is an empty array of tables. `Err` when the text is not valid TOML or uses a
/// shape this reader leaves to `toml_edit`; what `each_entry` was given is then to be dropped.
pub fn stream<'s>(
    text: &'s str,
    each_entry: &mut dyn FnMut(Table<'s>),
) -> Result<Table<'static>, NotPlain> {
    let mut chunked = Chunked::default();
    chunked.feed(text, true, each_entry)?;
    chunked.finish()
}

/// [`stream`] for a text that arrives in pieces (a journal read from disk a little at a time, so
/// that its text is never held whole). Each piece begins where the last one's reading stopped.
#[derive(Debug, Default)]
pub struct Chunked {
    root: Table<'static>,
    current: Current,
    /// Where in the whole text the next piece begins.
    offset: usize,
    failed: bool,
}

/// How far before the end of a piece a header must begin to be cut at: lexing a token looks a
/// few bytes ahead (`'''`), so near the end a piece may still lex differently from the whole.
const CUT_MARGIN: usize = 16;

impl Chunked {
    /// Reads `text`, the next piece of the document, up to the header of its last section, the
    /// one that may go on in the next piece (all of it when `last`), and returns how many bytes
    /// it read: the next piece begins with the rest. The pieces read so far are always whole expressions,
    /// which parse the same on their own as within the whole text.
    pub fn feed<'s>(
        &mut self,
        text: &'s str,
        last: bool,
        each_entry: &mut dyn FnMut(Table<'s>),
    ) -> Result<usize, NotPlain> {
        if self.failed {
            return Err(NotPlain);
        }
        let root = std::mem::take(&mut self.root);
        let mut builder = Builder::new(text, self.offset, each_entry, root, self.current);
        let mut items = Vec::new();
        let mut tokens: Vec<Token> = Vec::with_capacity(256);
        // Where the section to read next begins: the start of the text, or a header.
        let mut at = 0;
        let read = loop {
            match plain::sections(&mut builder, text, at, last, &mut items) {
                plain::Scan::End => break text.len(),
                plain::Scan::Incomplete(section) => break section,
                plain::Scan::Other(section) => at = section,
            }
            if builder.failed {
                break at;
            }
            match builder.section(text, at, last, &mut tokens) {
                Section::Header(next) => at = next,
                Section::End => break text.len(),
                // The section is read again, whole, with the next piece.
                Section::Incomplete => break at,
            }
            if builder.failed {
                break at;
            }
        };
        // What comes next is a header (or nothing), so the entry being read is complete.
        builder.finish_entry();
        let failed = builder.failed
            || (last && (!builder.stack.is_empty() || builder.pending_key.is_some()));
        self.current = builder.current;
        self.root = builder.root.into_owned();
        self.offset += read;
        self.failed = failed;
        if failed { Err(NotPlain) } else { Ok(read) }
    }

    /// The document read, without its entries (handed out as they were read).
    pub fn finish(self) -> Result<Table<'static>, NotPlain> {
        if self.failed {
            return Err(NotPlain);
        }
        Ok(self.root)
    }
}

/// Deeper arrays and inline tables than this are left to `toml_edit` (which has its own limit).
const MAX_DEPTH: usize = 32;

/// Which table key/value pairs go into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Current {
    #[default]
    Root,
    /// The root's item at this index (a `[name]` table, or the last of `[[name]]` tables).
    Child(usize),
    /// The `[[entry]]` being built.
    Entry,
}

/// An array or inline table being read.
enum Open<'s> {
    Array(usize, Vec<Value<'s>>),
    Inline(usize, Table<'s>, Option<Key<'s>>),
}

struct Builder<'s, 'f> {
    source: Source<'s>,
    /// Where `source` begins in the whole text: spans are of the whole text.
    base: usize,
    each_entry: &'f mut dyn FnMut(Table<'s>),
    root: Table<'s>,
    current: Current,
    entry: Option<Table<'s>>,
    /// A header being read: its opening span, whether `[[`, and its key.
    header: Option<(Span, bool, Option<Key<'s>>)>,
    /// The key of a `key = value` whose value has not come yet.
    pending_key: Option<Key<'s>>,
    stack: Vec<Open<'s>>,
    failed: bool,
}

/// Any error at all sends the document to `toml_edit`, which words it.
struct Failed<'a>(&'a mut bool);

impl ErrorSink for Failed<'_> {
    fn report_error(&mut self, _error: ParseError) {
        *self.0 = true;
    }
}

/// How far [`Builder::section`] got.
enum Section {
    /// To the next header, which begins here.
    Header(usize),
    /// To the end of the text, all of it read.
    End,
    /// Not to the end of the section: it may go on in the next piece.
    Incomplete,
}

impl<'s, 'f> Builder<'s, 'f> {
    /// A builder going on with `root` (in `current`) from `text`, which begins at `base`.
    fn new(
        text: &'s str,
        base: usize,
        each_entry: &'f mut dyn FnMut(Table<'s>),
        root: Table<'s>,
        current: Current,
    ) -> Self {
        Builder {
            source: Source::new(text),
            base,
            each_entry,
            root,
            current,
            entry: None,
            header: None,
            pending_key: None,
            stack: Vec::new(),
            failed: false,
        }
    }
}

impl<'s> Builder<'s, '_> {
    /// Reads the section of `text` from `at` (the start of the text, or a header) with
    /// toml_parser, up to the next header that begins a line well before the text's end (or
    /// to the end when it is the `last` piece). Whole expressions, as these are, parse the
    /// same on their own as within the whole text.
    fn section(
        &mut self,
        text: &'s str,
        at: usize,
        last: bool,
        tokens: &mut Vec<Token>,
    ) -> Section {
        let (whole, base) = (self.source, self.base);
        let source = Source::new(&text[at..]);
        self.source = source;
        self.base = base + at;
        tokens.clear();
        let mut depth: i64 = 0;
        // Where the section can be cut: just after a line break outside any bracket.
        let mut cut: Option<usize> = None;
        let mut outcome = None;
        for token in source.lex() {
            match token.kind() {
                TokenKind::LeftSquareBracket if depth == 0 && cut == Some(tokens.len()) => {
                    let begins = at + token.span().start();
                    if !last && begins + CUT_MARGIN > text.len() {
                        outcome = Some(Section::Incomplete);
                    } else {
                        self.parse(tokens);
                        outcome = Some(Section::Header(begins));
                    }
                    break;
                }
                TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
                TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth -= 1,
                _ => {}
            }
            tokens.push(token);
            match token.kind() {
                TokenKind::Newline if depth == 0 => cut = Some(tokens.len()),
                TokenKind::Whitespace if cut == Some(tokens.len() - 1) => cut = Some(tokens.len()),
                _ => {}
            }
            if cut.is_some_and(|at| at < tokens.len()) {
                cut = None;
            }
        }
        let outcome = outcome.unwrap_or_else(|| {
            if last {
                self.parse(tokens);
                Section::End
            } else {
                Section::Incomplete
            }
        });
        self.source = whole;
        self.base = base;
        outcome
    }

    fn parse(&mut self, tokens: &[Token]) {
        if self.failed || tokens.is_empty() {
            return;
        }
        let source = self.source;
        let mut failed = false;
        {
            let mut receiver = ValidateWhitespace::new(self, source);
            toml_parser::parser::parse_document(tokens, &mut receiver, &mut Failed(&mut failed));
        }
        self.failed |= failed;
    }

    fn finish_entry(&mut self) {
        if let Some(entry) = self.entry.take() {
            (self.each_entry)(entry);
        }
    }

    fn table(&mut self) -> Option<&mut Table<'s>> {
        match self.current {
            Current::Root => Some(&mut self.root),
            Current::Entry => self.entry.as_mut(),
            Current::Child(index) => match &mut self.root.items.get_mut(index)?.1 {
                Item::Table(table) => Some(table),
                Item::ArrayOfTables(tables, _) => tables.last_mut(),
                Item::Value(_) => None,
            },
        }
    }

    /// Where `span` (in this piece) is in the whole text.
    fn whole(&self, span: Span) -> Range<usize> {
        self.base + span.start()..self.base + span.end()
    }

    /// The text at `span`, read as `encoding` says it was written.
    fn raw(&self, span: Span, encoding: Option<Encoding>) -> Option<Raw<'s>> {
        let input: &'s str = self.source.input();
        let text = input.get(span.start()..span.end())?;
        Some(Raw::new_unchecked(text, encoding, span))
    }

    fn key(&mut self, span: Span, encoding: Option<Encoding>) -> Option<Key<'s>> {
        let raw = self.raw(span, encoding)?;
        let mut name = Cow::Borrowed("");
        raw.decode_key(&mut name, &mut Failed(&mut self.failed));
        Some(Key {
            name,
            span: self.whole(span),
        })
    }

    fn decode_scalar(&mut self, span: Span, encoding: Option<Encoding>) -> Option<Value<'s>> {
        let raw = self.raw(span, encoding)?;
        let mut decoded = Cow::Borrowed("");
        let kind = raw.decode_scalar(&mut decoded, &mut Failed(&mut self.failed));
        let kind = match kind {
            ScalarKind::String => ValueKind::String(decoded),
            ScalarKind::Boolean(b) => ValueKind::Boolean(b),
            ScalarKind::DateTime => ValueKind::Datetime(decoded.parse().ok()?),
            ScalarKind::Float => {
                let value: f64 = decoded.parse().ok()?;
                let word = decoded.strip_prefix(['+', '-']).unwrap_or(&decoded);
                if value.is_infinite() && !word.chars().all(|c| c.is_ascii_alphabetic()) {
                    return None;
                }
                ValueKind::Float(value)
            }
            ScalarKind::Integer(radix) => {
                ValueKind::Integer(i64::from_str_radix(&decoded, radix.value()).ok()?)
            }
        };
        Some(Value {
            span: self.whole(span),
            kind,
        })
    }

    /// A complete value: into the array or inline table around it, else the current table.
    fn place(&mut self, value: Value<'s>) {
        match self.stack.last_mut() {
            Some(Open::Array(_, values)) => values.push(value),
            Some(Open::Inline(_, table, key)) => match key.take() {
                Some(key) => {
                    if table.contains_key(&key.name) {
                        self.failed = true;
                    } else {
                        table.items.push((key, Item::Value(value)));
                    }
                }
                None => self.failed = true,
            },
            None => {
                let Some(key) = self.pending_key.take() else {
                    self.failed = true;
                    return;
                };
                match self.table() {
                    Some(table) if !table.contains_key(&key.name) => {
                        table.items.push((key, Item::Value(value)));
                    }
                    _ => self.failed = true,
                }
            }
        }
    }

    fn open_header(&mut self, open: Span, close: Span, array: bool, key: Key<'s>) {
        let span = self.base + open.start()..self.base + close.end();
        if key.name == "entry" && array && self.current_is_entry_or_fresh() {
            // Another `[[entry]]`: the last one is complete.
            self.finish_entry();
            if self.root.get("entry").is_none() {
                self.root
                    .items
                    .push((key, Item::ArrayOfTables(Vec::new(), span.clone())));
            }
            self.entry = Some(Table {
                span,
                items: Vec::new(),
            });
            self.current = Current::Entry;
            return;
        }
        // Once another table begins, a later header could only reach the last entry through a
        // dotted header, which this reader leaves to `toml_edit`: the entry is complete.
        self.finish_entry();
        let existing = self.root.items.iter().position(|(k, _)| k.name == key.name);
        let table = Table {
            span: span.clone(),
            items: Vec::new(),
        };
        match (existing, array) {
            (None, false) => self.root.items.push((key, Item::Table(table))),
            (None, true) => self
                .root
                .items
                .push((key, Item::ArrayOfTables(vec![table], span))),
            (Some(index), true) => match &mut self.root.items[index].1 {
                Item::ArrayOfTables(tables, _) if key.name != "entry" => tables.push(table),
                _ => {
                    self.failed = true;
                    return;
                }
            },
            (Some(_), false) => {
                self.failed = true;
                return;
            }
        }
        self.current = Current::Child(existing.unwrap_or(self.root.items.len() - 1));
    }

    /// Whether `[[entry]]` may start a new entry here: `entry` is not yet anything but the
    /// entries read so far.
    fn current_is_entry_or_fresh(&self) -> bool {
        match self.root.get("entry") {
            None => true,
            Some(Item::ArrayOfTables(tables, _)) => tables.is_empty(),
            Some(_) => false,
        }
    }
}

impl<'s> EventReceiver for Builder<'s, '_> {
    fn std_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.header = Some((span, false, None));
    }

    fn array_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.header = Some((span, true, None));
    }

    fn std_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.close_header(span);
    }

    fn array_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.close_header(span);
    }

    fn inline_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            self.failed = true;
            return false;
        }
        self.stack.push(Open::Inline(
            self.base + span.start(),
            Table::default(),
            None,
        ));
        true
    }

    fn inline_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        match self.stack.pop() {
            Some(Open::Inline(start, table, None)) => self.place(Value {
                span: start..self.base + span.end(),
                kind: ValueKind::InlineTable(table),
            }),
            _ => self.failed = true,
        }
    }

    fn array_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            self.failed = true;
            return false;
        }
        self.stack
            .push(Open::Array(self.base + span.start(), Vec::new()));
        true
    }

    fn array_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        match self.stack.pop() {
            Some(Open::Array(start, values)) => self.place(Value {
                span: start..self.base + span.end(),
                kind: ValueKind::Array(values),
            }),
            _ => self.failed = true,
        }
    }

    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, _error: &mut dyn ErrorSink) {
        let Some(key) = self.key(span, encoding) else {
            self.failed = true;
            return;
        };
        let slot = match (&mut self.header, self.stack.last_mut()) {
            (Some((_, _, slot)), _) => slot,
            (None, Some(Open::Inline(_, _, slot))) => slot,
            (None, Some(Open::Array(..))) => {
                self.failed = true;
                return;
            }
            (None, None) => &mut self.pending_key,
        };
        if slot.is_some() {
            // A second key before a value: a dotted key.
            self.failed = true;
        } else {
            *slot = Some(key);
        }
    }

    fn key_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        // Dotted keys are left to toml_edit.
        self.failed = true;
    }

    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, _error: &mut dyn ErrorSink) {
        match self.decode_scalar(span, encoding) {
            Some(value) => self.place(value),
            None => self.failed = true,
        }
    }

    fn error(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.failed = true;
    }
}

impl Builder<'_, '_> {
    fn close_header(&mut self, close: Span) {
        match self.header.take() {
            Some((open, array, Some(key))) if self.pending_key.is_none() => {
                self.open_header(open, close, array, key);
            }
            _ => self.failed = true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_key_of_too_many_parts_is_found_where_it_begins() {
        let key = |parts: usize| vec!["a"; parts].join(" . ");
        let text = format!("x = 1\n[t]\n{} = 1\n[[u]]\n[[{}]]\n", key(80), key(81));
        let header = text.find("[[a").unwrap();
        assert_eq!(first_key_of_more_parts_than(&text, 80), Some(header + 2));
        assert_eq!(first_key_of_more_parts_than(&text, 81), None);
    }

    /// The tree of `text` by each path; the fast one `None` when it leaves the text to toml_edit.
    #[allow(clippy::type_complexity)]
    fn both(text: &str) -> (Option<(Table<'_>, Vec<Table<'_>>)>, Option<Table<'static>>) {
        let mut entries = Vec::new();
        let fast = stream(text, &mut |t| entries.push(t))
            .ok()
            .map(|root| (root, entries));
        let slow = text
            .parse::<toml_edit::Document<String>>()
            .ok()
            .map(|d| Table::from_document(&d));
        (fast, slow)
    }

    /// The fast tree with its entries put back where toml_edit has them.
    fn joined<'s>((mut root, entries): (Table<'s>, Vec<Table<'s>>)) -> Table<'s> {
        if let Some((_, Item::ArrayOfTables(tables, _))) =
            root.items.iter_mut().find(|(k, _)| k.name == "entry")
        {
            *tables = entries;
        }
        root
    }

    #[test]
    fn a_journal_reads_the_same_by_both_paths() {
        let text = "version = 1\n# a comment\n[[tracker]]\nname = \"alcohol\" # why\nsince = 2026-03-14\ncost_per_day = 12.5\n\n[[entry]]\nid = 'a1'\ndate = 2026-11-24\ntracker = \"alc\\u00f6hol\"\nkind = \"checkin\"\ntext = \"\"\"\nmeeting\n\"\"\"\nmood = 4\ntags = [\"meeting\", [1, 2], {a = 1}]\nprivate = true\n\n  [[entry]]\ndate = 2026-11-25\n[other]\nx = 0x1f\n[[tracker]]\nname = \"b\"\n";
        let (fast, slow) = both(text);
        let fast = fast.expect("plain shapes take the fast path");
        assert_eq!(fast.1.len(), 2);
        assert_eq!(Some(joined(fast)), slow);
    }

    #[test]
    fn other_shapes_and_errors_are_left_to_toml_edit() {
        for text in [
            "a.b = 1\n",
            "[a.b]\n",
            "[[entry]]\n[entry.x]\n",
            "x = 1\nx = 2\n",
            "[t]\n[t]\n",
            "[[entry]]\nentry = 1\n[entry]\n",
            "entry = 1\n[[entry]]\n",
            "[[t]]\n[t]\n",
            "a = {b.c = 1}\n",
            "a = {x = 1, x = 2}\n",
            "a = 1\r",
            "a = \"\u{0007}\"\n",
            "a = 99999999999999999999\n",
            "a = 1e999\n",
            "a = 2026-13-40\n",
            "[[entry]\n",
            "a = [\n[1]\n]\n[b]\n[b]\n",
        ] {
            let (fast, _) = both(text);
            assert_eq!(fast, None, "{text:?}");
        }
    }

    /// The plain lines (`tree/plain.rs`) read as toml_edit reads them, and only valid TOML is
    /// taken: the spellings at the edges of what the plain reader takes.
    #[test]
    fn plain_lines_read_as_toml_reads_them() {
        for text in [
            "a = true#c\nb = false # c\t\u{e9}\n",
            "a = 2026-01-01 10:00:00\n",
            "a = 2026-01-01T10:00:00\n",
            "a = 2026-01-01 # date\n",
            "a = 2024-02-29\nb = 2000-02-29\nc = 0000-02-29\n",
            "a = 2026-02-29\n",
            "a = 1900-02-29\n",
            "a = 2026-04-31\n",
            "a = 2026-13-01\n",
            "a = 2026-00-10\n",
            "a = 2026-1-01\n",
            "a = \"x\"y\n",
            "a = \"x\"\"y\"\n",
            "a = \"\"\n",
            "a = ''\nb = 'lit\\eral \"x\"'\n",
            "a = \"\"\"x\"\"\"\n",
            "a = \"tab\there\"\n",
            "a = \"esc \\\" \\\\ \\n \\u00e9 \\U0001F600\"\n",
            "a = \"bad \\q escape\"\n",
            "a = \"bad \\uD800 escape\"\n",
            "a = \"ends with a backslash \\\"\n",
            "a = \"control \u{7f}\"\n",
            "a = \"control \u{1}\"\n",
            "a = 'control \u{7f}'\n",
            "a = \"unclosed\n",
            "# control \u{7f} in a comment\n",
            "# control \u{0} in a comment\n",
            "a = 0\nb = -0\nc = +0\nd = +17\ne = -9223372036854775808\nf = 9223372036854775807\n",
            "a = 9223372036854775808\n",
            "a = 01\n",
            "a = 1_000\n",
            "a = 1.5\n",
            "a = 1e3\n",
            "a = -\n",
            "a = +\n",
            "a = truex\n",
            "a = tru\n",
            "a =\n",
            "a\n",
            "= 1\n",
            "a = 1 2\n",
            "a = 1,\n",
            "a.b = 1\n",
            "a . b = 1\n",
            "\"a\" = 1\n",
            "a-b_C9 = 1\n2026-01-01 = 2\n",
            "a = [\"x\", 'y',]\nb = []\nc = [ ]\nd = [ \"z\" ]\n",
            "a = [\"x\" \"y\"]\n",
            "a = [,]\n",
            "a = [\"x\",,]\n",
            "a = [\"x\"\n",
            "a = [1, \"x\"]\n",
            "a = [\"x\"]]\n",
            "a = 1\r\nb = 2\r\n\r\n[[entry]]\r\nc = 3\r\n",
            "a = 1\rb = 2\n",
            "a = 1\r",
            "[[entry]]x\n",
            "[[entry] ]\n",
            "[ [entry]]\n",
            "[[entry]] # c\nb = 1\n\t[[entry]]\t\nb = 2\n[t]\nc = 3\n",
            "[t]\na = 1\n[t]\nb = 2\n",
            "[[entry]]\na = 1\na = 2\n",
            "[[t]]\n[t]\n",
            "a = 1\n\u{feff}b = 2\n",
            "\u{feff}a = 1\n",
            "a = 1 # no line break at the end",
            "a = \"x\" \t",
        ] {
            let (fast, slow) = both(text);
            assert!(
                fast.is_none() || slow.is_some(),
                "took what is not TOML: {text:?}"
            );
            if let Some(fast) = fast {
                assert_eq!(Some(joined(fast)), slow, "{text:?}");
            }
        }
    }

    #[test]
    fn a_line_starting_with_a_bracket_inside_an_array_is_not_a_header() {
        let text = "a = [\n[1],\n  [2]\n]\n[[entry]]\nx = 1\n";
        let (fast, slow) = both(text);
        assert_eq!(fast.map(joined), slow);
    }
}
