//! JSON Lines / CSV / TSV readers: quoting, CRLF, BOM, labels, pairs, error messages.

mod common;

use common::write;
use textdata::reader::{detect_format, read_rows, Columns, Row};
use textdata::{Format, TextError};

const SINGLE: Columns<'static> = Columns {
    text: "text",
    text_pair: None,
    label: "label",
};
const PAIR: Columns<'static> = Columns {
    text: "sentence1",
    text_pair: Some("sentence2"),
    label: "label",
};

fn row(text: &str, pair: Option<&str>, label: &str, line: u64) -> Row {
    Row {
        text: text.into(),
        text_pair: pair.map(Into::into),
        label: label.into(),
        line,
    }
}

#[test]
fn jsonl_integer_and_string_labels_blank_lines_crlf_bom() {
    let p = write(
        "jsonl-basic",
        "a.jsonl",
        "\u{feff}{\"text\": \"good film\", \"label\": 1}\r\n\r\n{\"text\": \"bad, \\\"really\\\"\", \"label\": \"0\", \"extra\": 3}\r\n{\"label\": \" neg \", \"text\": \"meh\"}\n"
            .as_bytes(),
    );
    let rows = read_rows(&p, None, SINGLE).unwrap();
    assert_eq!(
        rows,
        vec![
            row("good film", None, "1", 1),
            row("bad, \"really\"", None, "0", 3),
            row("meh", None, "neg", 4)
        ]
    );
}

#[test]
fn jsonl_pairs() {
    let p = write(
        "jsonl-pairs",
        "p.json",
        b"{\"sentence1\": \"A man.\", \"sentence2\": \"A person.\", \"label\": \"entailment\"}\n",
    );
    let rows = read_rows(&p, None, PAIR).unwrap();
    assert_eq!(
        rows,
        vec![row("A man.", Some("A person."), "entailment", 1)]
    );
}

#[test]
fn csv_quoted_commas_quotes_newlines_crlf_bom() {
    let p = write(
        "csv-quoted",
        "d.csv",
        b"\xEF\xBB\xBFid,text,label\r\n1,\"great, really great\",pos\r\n2,\"she said \"\"no\"\"\",neg\r\n3,\"two\r\nlines\",pos\r\n4,plain,neg\r\n",
    );
    let rows = read_rows(&p, None, SINGLE).unwrap();
    assert_eq!(
        rows,
        vec![
            row("great, really great", None, "pos", 2),
            row("she said \"no\"", None, "neg", 3),
            row("two\r\nlines", None, "pos", 4),
            row("plain", None, "neg", 6),
        ]
    );
}

#[test]
fn csv_pairs_with_integer_labels() {
    let p = write(
        "csv-pairs",
        "d.csv",
        b"label,sentence1,sentence2\n0,\"Hi, there\",Hello\n1,x,y\n",
    );
    let rows = read_rows(&p, None, PAIR).unwrap();
    assert_eq!(
        rows,
        vec![
            row("Hi, there", Some("Hello"), "0", 2),
            row("x", Some("y"), "1", 3)
        ]
    );
}

#[test]
fn tsv_has_no_quoting_and_accepts_crlf_and_bom() {
    let p = write(
        "tsv",
        "d.tsv",
        "\u{feff}text\tlabel\r\nit's \"fine\", ok\t1\r\nnext\t0\r\n".as_bytes(),
    );
    let rows = read_rows(&p, None, SINGLE).unwrap();
    assert_eq!(
        rows,
        vec![
            row("it's \"fine\", ok", None, "1", 2),
            row("next", None, "0", 3)
        ]
    );
}

#[test]
fn format_from_extension_or_forced() {
    assert_eq!(
        detect_format("a/b.JSONL".as_ref(), None).unwrap(),
        Format::Jsonl
    );
    assert_eq!(detect_format("b.csv".as_ref(), None).unwrap(), Format::Csv);
    assert_eq!(detect_format("b.tsv".as_ref(), None).unwrap(), Format::Tsv);
    assert_eq!(
        detect_format("b.txt".as_ref(), Some("tsv")).unwrap(),
        Format::Tsv
    );
    let e = detect_format("data/b.txt".as_ref(), None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("data/b.txt") && e.contains("text.format"), "{e}");
    // A forced format wins over the extension.
    let p = write("forced", "d.txt", b"text,label\nhello,1\n");
    assert_eq!(
        read_rows(&p, Some("csv"), SINGLE).unwrap(),
        vec![row("hello", None, "1", 2)]
    );
}

fn err(dir: &str, name: &str, content: &[u8], cols: Columns<'_>) -> (String, TextError) {
    let p = write(dir, name, content);
    let e = read_rows(&p, None, cols).unwrap_err();
    let s = e.to_string();
    assert!(s.contains(&p.display().to_string()), "{s}");
    assert!(!s.contains('\n'), "one line: {s}");
    (s, e)
}

#[test]
fn errors_name_file_line_and_column() {
    let (s, _) = err(
        "e1",
        "a.jsonl",
        b"{\"text\": \"ok\", \"label\": 1}\n{\"text\": \"\", \"label\": 1}\n",
        SINGLE,
    );
    assert!(s.ends_with("a.jsonl:2: column `text` is empty"), "{s}");
    let (s, _) = err(
        "e2",
        "a.jsonl",
        b"{\"text\": \"ok\", \"label\": 1}\n\n{\"text\": \"x\"}\n",
        SINGLE,
    );
    assert!(
        s.ends_with("a.jsonl:3: column `label` (the label) is missing"),
        "{s}"
    );
    let (s, _) = err(
        "e3",
        "a.jsonl",
        b"{\"text\": \"ok\", \"label\": 1.5}\n",
        SINGLE,
    );
    assert!(
        s.contains("a.jsonl:1: column `label` (the label) must be a string or an integer"),
        "{s}"
    );
    let (s, _) = err("e4", "a.jsonl", b"{\"text\": 3, \"label\": 1}\n", SINGLE);
    assert!(
        s.contains("a.jsonl:1: column `text` must be a string"),
        "{s}"
    );
    let (s, _) = err(
        "e5",
        "a.jsonl",
        b"{\"text\": \"a\", \"label\": 1}\nnot json\n",
        SINGLE,
    );
    assert!(s.contains("a.jsonl:2: not a JSON object"), "{s}");
    let (s, _) = err(
        "e6",
        "a.csv",
        b"text,label\nfine,1\n\"quoted, but\",  \n",
        SINGLE,
    );
    assert!(
        s.ends_with("a.csv:3: column `label` (the label) is empty"),
        "{s}"
    );
    let (s, _) = err(
        "e7",
        "a.csv",
        b"text,label\nfine,1\ntoo,many,fields\n",
        SINGLE,
    );
    assert!(
        s.ends_with("a.csv:3: has 3 fields but the header has 2"),
        "{s}"
    );
    let (s, _) = err("e8", "a.csv", b"sentence,label\nfine,1\n", SINGLE);
    assert!(
        s.contains("a.csv: no column `text` in the header (columns: sentence, label)"),
        "{s}"
    );
    let (s, _) = err(
        "e9",
        "a.tsv",
        b"sentence1\tsentence2\tlabel\nA\t \t1\n",
        PAIR,
    );
    assert!(s.ends_with("a.tsv:2: column `sentence2` is empty"), "{s}");
    let (s, _) = err("e10", "a.csv", b"text,label\n", SINGLE);
    assert!(s.ends_with("a.csv: has no examples"), "{s}");
    let (s, _) = err("e11", "a.csv", b"text,label\nok,1\n\xff\xfe,1\n", SINGLE);
    assert!(s.ends_with("a.csv:3: is not valid UTF-8"), "{s}");
}
