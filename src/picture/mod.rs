//! Pictures to share: a milestone chip for `share`, a poster of everyone for `circle`.
//!
//! Both are 1200×630 (the size chats preview well), written as SVG text and, for PNG,
//! rasterised here with resvg and the bundled font only, so the same input gives the same bytes
//! on every machine. They are drawn from the same data the plain styles compose from, and every
//! word from a person goes through `svg::escape`.

mod chip;
mod font;
mod poster;
mod svg;

use anyhow::Result;

pub use chip::{ChipData, chip};
pub use poster::{PosterData, poster};
pub use svg::Svg;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Calm, warm colours on an opaque card, so it reads the same in light and dark chat themes.
mod colour {
    pub const PAPER: &str = "#FBF3E6";
    pub const PAPER_EDGE: &str = "#EAD7BC";
    pub const INK: &str = "#3B2A20";
    pub const SOFT_INK: &str = "#7A6150";
    pub const BRONZE: &str = "#B8773F";
    pub const GOLD: &str = "#E8B66E";
    pub const GOLD_LIGHT: &str = "#F6D9A8";
    pub const CHIP_INK: &str = "#4A2C14";
    pub const TERRACOTTA: &str = "#C4603F";
    pub const ON_TERRACOTTA: &str = "#FFF7EE";
    pub const SAGE: &str = "#5E7F6B";
    pub const CELL: &str = "#FFFBF4";
    pub const CELL_MILESTONE: &str = "#F7DFC7";
}

/// The card's background: paper with a soft edge.
fn paper(w: &mut svg::Writer) {
    w.rect(
        0.0,
        0.0,
        WIDTH as f32,
        HEIGHT as f32,
        0.0,
        colour::PAPER_EDGE,
        None,
    );
    w.rect(
        14.0,
        14.0,
        WIDTH as f32 - 28.0,
        HEIGHT as f32 - 28.0,
        28.0,
        colour::PAPER,
        None,
    );
}

/// The SVG as a PNG of `WIDTH`×`HEIGHT`.
#[cfg(feature = "png")]
pub fn png(svg: &Svg) -> Result<Vec<u8>> {
    use anyhow::Context as _;
    use resvg::{tiny_skia, usvg};

    let mut options = usvg::Options {
        font_family: font::FAMILY.to_string(),
        ..usvg::Options::default()
    };
    // The database starts empty and holds only the bundled faces: no system font is looked up.
    let fonts = options.fontdb_mut();
    fonts.load_font_data(font::REGULAR.to_vec());
    fonts.load_font_data(font::BOLD.to_vec());
    fonts.set_sans_serif_family(font::FAMILY);
    let tree = usvg::Tree::from_str(svg.as_str(), &options)
        .context("could not draw the picture (its SVG did not parse); please report this")?;
    let mut pixmap =
        tiny_skia::Pixmap::new(WIDTH, HEIGHT).context("could not make room for the picture")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .context("could not encode the picture as PNG")
}

/// Without the `png` feature (a build without resvg, about half the size) only SVG is drawn.
#[cfg(not(feature = "png"))]
pub fn png(_svg: &Svg) -> Result<Vec<u8>> {
    Err(crate::error::UsageError(crate::words::picture::NO_PNG_IN_THIS_BUILD.into()).into())
}
