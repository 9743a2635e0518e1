//! `read-paths MODE JOURNAL`: one candidate step of a cold read, alone, so that bench numbers
//! can say what each costs. MODE is `edit` (toml_edit's spanned document, today's read path),
//! `events` (toml_parser: lex, then parse into events, each scalar's raw text looked at),
//! `hash` (xxh3 of every byte, today's cache check) or `stat` (the file's stat data only).

use toml_parser::parser::EventReceiver;
use toml_parser::{ErrorSink, Source, Span};

#[derive(Default)]
struct Count {
    events: usize,
    bytes: usize,
}

impl EventReceiver for Count {
    fn simple_key(&mut self, span: Span, _: Option<toml_parser::decoder::Encoding>, _: &mut dyn ErrorSink) {
        self.events += 1;
        self.bytes += span.len();
    }
    fn scalar(&mut self, span: Span, _: Option<toml_parser::decoder::Encoding>, _: &mut dyn ErrorSink) {
        self.events += 1;
        self.bytes += span.len();
    }
    fn array_table_open(&mut self, _: Span, _: &mut dyn ErrorSink) {
        self.events += 1;
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mode, path) = (args.next().expect("MODE"), args.next().expect("JOURNAL"));
    if mode == "stat" {
        let meta = std::fs::metadata(&path).expect("stat");
        println!("{}", meta.len());
        return;
    }
    let text = std::fs::read_to_string(&path).expect("read the journal");
    match mode.as_str() {
        "edit" => {
            let doc = toml_edit::Document::parse(text).expect("parse");
            println!("{}", doc.as_table().len());
        }
        "events" => {
            let source = Source::new(&text);
            let tokens = source.lex().into_vec();
            let mut count = Count::default();
            let mut errors = Vec::new();
            toml_parser::parser::parse_document(&tokens, &mut count, &mut errors);
            println!("{} events, {} bytes, {} errors", count.events, count.bytes, errors.len());
        }
        "hash" => println!("{:x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes())),
        other => panic!("unknown mode {other}"),
    }
}
