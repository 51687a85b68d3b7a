"""The parts of a .docx the Word reader uses, opened with zipfile and lxml instead of python-docx.

``docx.Document`` parses every XML part of the package (settings, fonts, theme, both style parts...), and
python-docx's default template alone has a 350 KB styles.xml: that was most of the time of reading a short
report. The reader uses only the main document, the paragraph styles its paragraphs name (with the styles
they are based on, and the default one) and the list numbering. These are found the way python-docx finds
them (content types, relationships, python-docx's own parser and element classes), so each gives the same
values. Anything out of the ordinary returns None, and the reader then opens the file with python-docx
as before, which gives its usual messages for damaged files.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from lintgk.readers.archive import read_member

W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"  # WordprocessingML's namespace
W = "{" + W_URI + "}"  # the prefix of its tags and attributes in lxml's names, as in W + "body"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"  # mc:AlternateContent's Choice, Fallback
TEXT_BOX = W + "txbxContent"  # a text box's paragraphs (in each of its copies: mc:Choice, mc:Fallback)
_W_URI = W_URI.encode()
# the start of styles.xml up to its root's start tag: an optional XML declaration, then <w:styles ...>
_STYLES_ROOT = re.compile(rb'\s*(?:<\?xml[^>]*\?>)?\s*<w:styles(?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|\'[^\']*\'))*\s*>')
_BINDS_W = re.compile(rb'\sxmlns:w\s*=\s*(["\'])' + re.escape(_W_URI) + rb"\1")
_ENCODING = re.compile(rb'^\s*<\?xml[^>]*\sencoding\s*=\s*["\']([^"\']*)')
_STYLE_OPEN = re.compile(rb"<w:style[\s/>]")
_STYLE_TAG = re.compile(rb'<w:style((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|\'[^\']*\'))*)\s*(/?)>')
_STYLE_ID = re.compile(rb'\sw:styleId\s*=\s*(["\'])(.*?)\1')
_DEFAULT = re.compile(rb"\sw:default\s*=")
_UNPLAIN_ID = re.compile(rb"[&<\t\n\r]")  # an id the XML parser would unescape or normalise


@dataclass
class WordParts:
    """What the reader needs of a .docx: its body, its paragraph styles and its numbering."""

    body: object  # the w:body element, parsed with python-docx's parser
    styles: object  # a python-docx Styles over the w:style elements the body can reach (None: the document's)
    numbering: object | None  # the w:numbering element, or None when the document has none


def open_parts(data: bytes) -> WordParts | None:
    """The body, styles and numbering of an ordinary .docx, or None for anything else (python-docx decides)."""
    from docx.exceptions import InvalidXmlError
    from lxml import etree

    # what a damaged or unusual package raises (zipfile, zlib, lxml, python-docx's element classes); anything
    # else, such as the time limit's exception, goes on up
    unusual = (LookupError, ValueError, AttributeError, TypeError, RuntimeError, EOFError, OSError,
               zipfile.BadZipFile, zlib.error, etree.LxmlError, InvalidXmlError)
    try:
        return _open_parts(data)
    except unusual:
        return None


def _open_parts(data: bytes) -> WordParts | None:
    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgreader import _ContentTypeMap, _SerializedRelationships
    from docx.oxml.parser import parse_xml
    from docx.styles.styles import Styles

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        def blob(uri) -> bytes | None:
            try:
                info = archive.getinfo(uri.membername)
            except KeyError:
                return None
            return read_member(archive, info)

        content_types = _ContentTypeMap.from_xml(blob(CONTENT_TYPES_URI))

        def related(source, reltype: str, content_type: str):
            """The one part ``source`` relates to by ``reltype``, if it has that content type, as python-docx
            finds it; None if there is none; raises LookupError where python-docx would not go on as here."""
            rels = _SerializedRelationships.load_from_xml(source.baseURI, blob(source.rels_uri))
            matches = [rel for rel in rels if rel.reltype == reltype]
            if not matches:
                return None
            if len(matches) > 1 or matches[0].is_external or content_types[matches[0].target_partname] != content_type:
                raise LookupError(reltype)
            xml = blob(matches[0].target_partname)
            if xml is None:
                raise LookupError(matches[0].target_partname)
            return matches[0].target_partname, xml

        main = related(PACKAGE_URI, RT.OFFICE_DOCUMENT, CT.WML_DOCUMENT_MAIN)
        if main is None:
            return None
        partname, document_xml = main
        styles = related(partname, RT.STYLES, CT.WML_STYLES)
        if styles is None:
            return None  # python-docx then uses its default template's styles
        numbering = related(partname, RT.NUMBERING, CT.WML_NUMBERING)
    document = parse_xml(document_xml)
    body = document.find(W + "body") if document.tag == W + "document" else None
    if body is None:
        return None
    # the styles of every paragraph, those in tables, layout tables and text boxes too (the reader reads their
    # headings): each w:pStyle's id, and None (the default style) for a paragraph without one
    used = {style.get(W + "val") for style in body.iter(W + "pStyle")} | {None}
    styles_root = _styles_used(styles[1], used, parse_xml)
    return WordParts(body, Styles(styles_root), parse_xml(numbering[1]) if numbering is not None else None)


ALT_CHUNK = W + "altChunk"  # a file imported whole into the document (Word shows its content in its place)
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def alt_chunks(data: bytes) -> dict[str, tuple[str, bytes]]:
    """The parts the main document imports whole (w:altChunk: an HTML page, a saved page, RTF … that some systems
    export a report as, wrapped in a .docx), by relationship id: (content type, bytes). Read only for a document
    that has a w:altChunk; anything unusual gives no chunk (its text is then missing, as before)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgreader import _ContentTypeMap, _SerializedRelationships
    from lxml import etree

    found: dict[str, tuple[str, bytes]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            def blob(uri) -> bytes | None:
                try:
                    return read_member(archive, archive.getinfo(uri.membername))
                except KeyError:
                    return None

            content_types = _ContentTypeMap.from_xml(blob(CONTENT_TYPES_URI))
            package = _SerializedRelationships.load_from_xml(PACKAGE_URI.baseURI, blob(PACKAGE_URI.rels_uri))
            main = next(rel.target_partname for rel in package if rel.reltype == RT.OFFICE_DOCUMENT)
            for rel in _SerializedRelationships.load_from_xml(main.baseURI, blob(main.rels_uri)):
                if rel.reltype == RT.A_F_CHUNK and not rel.is_external:
                    part = blob(rel.target_partname)
                    if part is not None:
                        found[rel.rId] = (content_types[rel.target_partname], part)
    except (LookupError, ValueError, AttributeError, TypeError, StopIteration, EOFError, OSError,
            zipfile.BadZipFile, zlib.error, etree.LxmlError):
        return found
    return found


def _styles_used(xml: bytes, used: set, parse_xml):
    """A w:styles element holding the w:style elements of ``xml`` that python-docx's lookups of the ``used``
    style ids can reach: every style with one of those ids or one they are based on, and every default style,
    in their order. Lookups in it give what they give in the whole part. The whole part when its text is not
    plain enough to cut into styles safely (comments, CDATA, a DOCTYPE, w: bound more than once...)."""
    chunks = _style_chunks(xml)
    if chunks is None:
        return parse_xml(xml)
    head, styles = chunks
    # every style with a wanted id is kept, so that a lookup finds the first of them as in the whole part
    wanted = {style_id for style_id in used if style_id} | {style_id for style_id, default, _ in styles if default}
    while True:
        kept = b"".join(text for style_id, default, text in styles if default or style_id in wanted)
        root = parse_xml(head + kept + b"</w:styles>")
        based_on = {based.get(W + "val") for based in root.iterfind(f"{W}style/{W}basedOn")} - {None}
        if based_on <= wanted:
            return root
        wanted |= based_on


def _style_chunks(xml: bytes):
    """(the part's start up to the root's start tag, [(style id, is default, the w:style's text)]), or None."""
    root = _STYLES_ROOT.match(xml)  # no DOCTYPE: only an XML declaration may come before the root
    if root is None or not _BINDS_W.search(root.group()) or xml.count(b"xmlns:w=") != 1 or xml.count(_W_URI) != 1:
        return None
    # no comment, CDATA or processing instruction after it; looking for the rare "!" and "?" first is faster
    if _has(xml, b"<!", root.end()) or _has(xml, b"<?", root.end()):
        return None
    declaration = _ENCODING.search(root.group())
    if declaration is not None and declaration.group(1).lower() not in (b"utf-8", b"utf8"):
        return None  # the ids below are read as UTF-8
    styles = []
    end = root.end()
    for found in _STYLE_OPEN.finditer(xml, root.end()):
        tag = _STYLE_TAG.match(xml, found.start())
        if tag is None or found.start() < end:
            return None  # an odd start tag, or a w:style inside the one before
        if tag.group(2):
            end = tag.end()
        else:
            end = xml.find(b"</w:style>", tag.end())
            if end < 0:
                return None
            end += len(b"</w:style>")
        style_id = _STYLE_ID.search(tag.group(1))
        if style_id is not None:
            style_id = style_id.group(2)
            if _UNPLAIN_ID.search(style_id):
                return None  # an escaped or normalised id: leave it to the XML parser
            style_id = style_id.decode("utf-8")
        styles.append((style_id, _DEFAULT.search(tag.group(1)) is not None, xml[found.start():end]))
    return xml[:root.end()], styles


def _has(xml: bytes, markup: bytes, start: int) -> bool:
    """Whether ``markup`` ("<!" or "<?") occurs in ``xml`` from ``start``. Its second byte is rare in a styles
    part and found by memchr, while searching for the pair stops at every "<"."""
    return xml.find(markup[1:], start) >= 0 and xml.find(markup, start) >= 0
