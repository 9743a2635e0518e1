//! A date as its ISO text (`2026-11-25`), written and read without chrono's formatting and
//! parsing machinery: a long journal holds one date per entry, and the cache and
//! `list --format json` carry every one of them (chrono's serde form went through `fmt` one
//! character at a time, twice for postcard, and its parser cost more than the rest of an entry).

use chrono::{Datelike, NaiveDate};
use serde::{Deserializer, Serializer};

/// `date` exactly as chrono writes it (`{:?}`, also its serde form) when the year is 0 to 9999;
/// `None` outside them, where chrono adds a sign and more digits.
pub fn iso(date: NaiveDate) -> Option<[u8; 10]> {
    let year = u16::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let mut text = *b"0000-00-00";
    let digits = |at: &mut [u8], mut n: u16| {
        for slot in at.iter_mut().rev() {
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    digits(&mut text[0..4], year);
    digits(&mut text[5..7], date.month() as u16);
    digits(&mut text[8..10], date.day() as u16);
    Some(text)
}

/// What [`iso`] writes, read back; `None` for any other text.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let bytes: &[u8; 10] = text.as_bytes().try_into().ok()?;
    let number = |at: &[u8]| {
        at.iter().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = i32::try_from(number(&bytes[0..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&bytes[5..7])?, number(&bytes[8..10])?)
}

/// `#[serde(with = "date_text")]`: the same text and the same values as chrono's own serde
/// form, only faster.
pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    match iso(*date) {
        // Only ASCII digits and dashes went in.
        Some(text) => serializer.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
        None => serde::Serialize::serialize(date, serializer),
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = NaiveDate;

        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("a formatted date string")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NaiveDate, E> {
            match parse_iso(text) {
                Some(date) => Ok(date),
                // Whatever else chrono reads (or its own error).
                None => text.parse().map_err(E::custom),
            }
        }
    }
    deserializer.deserialize_str(Visitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_reads_what_chrono_does() {
        let days = [
            (0, 1, 1),
            (1, 2, 3),
            (999, 12, 31),
            (1935, 8, 21),
            (2024, 2, 29),
            (2026, 11, 25),
            (9999, 12, 31),
        ];
        for (y, m, d) in days {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let text = iso(date).unwrap();
            let text = std::str::from_utf8(&text).unwrap();
            assert_eq!(text, format!("{date:?}"));
            assert_eq!(parse_iso(text), Some(date));
            assert_eq!(text.parse::<NaiveDate>().ok(), Some(date));
        }
        for (y, m, d) in [(-1, 12, 31), (10000, 1, 1)] {
            assert_eq!(iso(NaiveDate::from_ymd_opt(y, m, d).unwrap()), None);
        }
        for other in [
            "2026-02-30",
            "2026-1-05",
            "2026/01/05",
            "+2026-01-0",
            "20260105xx",
            "２０２６-01-05",
        ] {
            assert_eq!(parse_iso(other), None, "{other}");
        }
    }

    #[test]
    fn the_serde_form_is_chronos() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Ours(#[serde(with = "super")] NaiveDate);
        for (y, m, d) in [(-44, 3, 15), (0, 1, 1), (2026, 11, 25), (12345, 6, 7)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let theirs = postcard::to_stdvec(&date).unwrap();
            assert_eq!(postcard::to_stdvec(&Ours(date)).unwrap(), theirs);
            assert_eq!(postcard::from_bytes::<Ours>(&theirs).unwrap(), Ours(date));
            assert_eq!(
                serde_json::to_string(&Ours(date)).unwrap(),
                serde_json::to_string(&date).unwrap()
            );
        }
    }
}
