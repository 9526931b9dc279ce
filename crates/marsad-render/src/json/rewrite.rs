//! A serializer wrapper that writes a [`Document`] in the JSON output's shape
//! while serde walks it, without building a value tree first.
//!
//! It forwards everything to the inner serializer except struct fields:
//!
//! - `span` (a [`crate::Span`] in byte offsets) is written in character offsets,
//!   followed by a sibling `text` field holding the spanned original text;
//! - `value` is skipped when it is null or a non-finite number;
//! - fields held as `f32` but computed as `f64` are written with `f32` precision;
//! - at the top level, `normalized` is the normalised text alone, and
//!   `schema_version` and `offsets` come first.

use serde::ser::{
    self, Impossible, Serialize, SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTuple,
    SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

use super::compact::{Clitics, Tokens};
use super::{Options, F32_FIELDS, OFFSETS};
use marsad_core::document::{Document, SCHEMA_VERSION};
use marsad_core::span::CharIndex;

/// What every level of the walk shares.
pub(super) struct Context<'d> {
    pub doc: &'d Document,
    pub index: CharIndex,
    pub options: &'d Options,
}

/// A value to serialise in the output's shape, at a depth of the document.
pub(super) struct Shaped<'c, 'd, T: ?Sized> {
    pub value: &'c T,
    pub ctx: &'c Context<'d>,
    pub depth: usize,
    /// An `f64` here is written as the `f32` it was computed from.
    pub f32: bool,
}

impl<'c, 'd, T: ?Sized> Shaped<'c, 'd, T> {
    /// The whole document, at the top.
    pub fn root(value: &'c T, ctx: &'c Context<'d>) -> Self {
        Shaped { value, ctx, depth: 0, f32: false }
    }

    /// A value one level below `depth`.
    fn nested(value: &'c T, ctx: &'c Context<'d>, depth: usize) -> Self {
        Shaped { value, ctx, depth: depth + 1, f32: false }
    }
}

impl<T: Serialize + ?Sized> Serialize for Shaped<'_, '_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(Shaper { inner: s, ctx: self.ctx, depth: self.depth, f32: self.f32 })
    }
}

/// The serializer wrapper.
struct Shaper<'c, 'd, S> {
    inner: S,
    ctx: &'c Context<'d>,
    depth: usize,
    f32: bool,
}

/// Compound serializers keep the context to shape their elements.
struct Compound<'c, 'd, C> {
    inner: C,
    ctx: &'c Context<'d>,
    depth: usize,
}

macro_rules! forward {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<S::Ok, S::Error> { self.inner.$method(v) })*
    };
}

impl<'c, 'd, S: Serializer> Serializer for Shaper<'c, 'd, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Compound<'c, 'd, S::SerializeSeq>;
    type SerializeTuple = Compound<'c, 'd, S::SerializeTuple>;
    type SerializeTupleStruct = Compound<'c, 'd, S::SerializeTupleStruct>;
    type SerializeTupleVariant = Compound<'c, 'd, S::SerializeTupleVariant>;
    type SerializeMap = Compound<'c, 'd, S::SerializeMap>;
    type SerializeStruct = Compound<'c, 'd, S::SerializeStruct>;
    type SerializeStructVariant = Compound<'c, 'd, S::SerializeStructVariant>;

    forward!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    fn serialize_f64(self, v: f64) -> Result<S::Ok, S::Error> {
        if self.f32 {
            self.inner.serialize_f32(v as f32)
        } else {
            self.inner.serialize_f64(v)
        }
    }
    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_none()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<S::Ok, S::Error> {
        // an option is transparent: the same depth and precision
        self.inner.serialize_some(&Shaped { value: v, ctx: self.ctx, depth: self.depth, f32: self.f32 })
    }
    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit()
    }
    fn serialize_unit_variant(self, name: &'static str, i: u32, variant: &'static str) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit_variant(name, i, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, v: &T) -> Result<S::Ok, S::Error> {
        let f32 = self.f32;
        self.inner.serialize_newtype_struct(name, &Shaped { value: v, ctx: self.ctx, depth: self.depth, f32 })
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        i: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        let child = Shaped::nested(v, self.ctx, self.depth);
        self.inner.serialize_newtype_variant(name, i, variant, &child)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Ok(Compound { inner: self.inner.serialize_seq(len)?, ctx: self.ctx, depth: self.depth })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        Ok(Compound { inner: self.inner.serialize_tuple(len)?, ctx: self.ctx, depth: self.depth })
    }
    fn serialize_tuple_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeTupleStruct, S::Error> {
        Ok(Compound { inner: self.inner.serialize_tuple_struct(name, len)?, ctx: self.ctx, depth: self.depth })
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        let inner = self.inner.serialize_tuple_variant(name, i, variant, len)?;
        Ok(Compound { inner, ctx: self.ctx, depth: self.depth })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        Ok(Compound { inner: self.inner.serialize_map(len)?, ctx: self.ctx, depth: self.depth })
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeStruct, S::Error> {
        let mut inner = self.inner.serialize_struct(name, len + 3)?;
        if self.depth == 0 {
            inner.serialize_field("schema_version", SCHEMA_VERSION)?;
            inner.serialize_field("offsets", OFFSETS)?;
            if self.ctx.options.compact {
                inner.serialize_field("profile", "compact")?;
            }
        }
        Ok(Compound { inner, ctx: self.ctx, depth: self.depth })
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        let inner = self.inner.serialize_struct_variant(name, i, variant, len + 1)?;
        Ok(Compound { inner, ctx: self.ctx, depth: self.depth })
    }
}

macro_rules! elements {
    ($trait:ident, $method:ident) => {
        impl<C: $trait> $trait for Compound<'_, '_, C> {
            type Ok = C::Ok;
            type Error = C::Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), C::Error> {
                let child = Shaped::nested(v, self.ctx, self.depth);
                self.inner.$method(&child)
            }
            fn end(self) -> Result<C::Ok, C::Error> {
                self.inner.end()
            }
        }
    };
}

elements!(SerializeSeq, serialize_element);
elements!(SerializeTuple, serialize_element);
elements!(SerializeTupleStruct, serialize_field);
elements!(SerializeTupleVariant, serialize_field);

impl<C: SerializeMap> SerializeMap for Compound<'_, '_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), C::Error> {
        self.inner.serialize_key(k)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), C::Error> {
        let child = Shaped::nested(v, self.ctx, self.depth);
        self.inner.serialize_value(&child)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

/// The shaping of one struct field, shared by structs and struct variants.
trait Fields {
    type Ok;
    type Error: ser::Error;
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Self::Error>;
    fn skip(&mut self, key: &'static str) -> Result<(), Self::Error>;
}

impl<C: SerializeStruct> Fields for C {
    type Ok = C::Ok;
    type Error = C::Error;
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), C::Error> {
        self.serialize_field(key, v)
    }
    fn skip(&mut self, key: &'static str) -> Result<(), C::Error> {
        self.skip_field(key)
    }
}

/// A struct variant's fields, seen through [`Fields`].
struct Variant<'a, C>(&'a mut C);

impl<C: SerializeStructVariant> Fields for Variant<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), C::Error> {
        self.0.serialize_field(key, v)
    }
    fn skip(&mut self, key: &'static str) -> Result<(), C::Error> {
        self.0.skip_field(key)
    }
}

/// Character offsets of a span, as written.
#[derive(serde::Serialize)]
struct CharSpan {
    start: usize,
    end: usize,
}

fn shape_field<F: Fields, T: Serialize + ?Sized>(
    out: &mut F,
    ctx: &Context<'_>,
    depth: usize,
    key: &'static str,
    v: &T,
) -> Result<(), F::Error> {
    let compact = ctx.options.compact;
    match key {
        _ if depth == 0 && !ctx.options.writes(key) => out.skip(key),
        "normalized" if depth == 0 => out.field(key, ctx.doc.normalized.text.as_str()),
        "tokens" if depth == 0 && compact => out.field(key, &Tokens(ctx)),
        "clitics" if depth == 0 && compact => out.field(key, &Clitics(ctx)),
        "span" => match v.serialize(SpanCapture) {
            Ok(Some((start, end))) if compact && ctx.doc.text.get(start..end).is_some() => {
                out.field("span", &[ctx.index.char_of(start), ctx.index.char_of(end)])
            }
            Ok(Some((start, end))) if ctx.doc.text.get(start..end).is_some() => {
                let chars = CharSpan { start: ctx.index.char_of(start), end: ctx.index.char_of(end) };
                out.field("span", &chars)?;
                out.field("text", &ctx.doc.text[start..end])
            }
            _ => out.field(key, &Shaped::nested(v, ctx, depth)),
        },
        "value" if is_empty_value(v) => out.skip(key),
        _ => out.field(key, &Shaped { value: v, ctx, depth: depth + 1, f32: F32_FIELDS.contains(&key) }),
    }
}

impl<C: SerializeStruct> SerializeStruct for Compound<'_, '_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), C::Error> {
        shape_field(&mut self.inner, self.ctx, self.depth, key, v)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeStructVariant> SerializeStructVariant for Compound<'_, '_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), C::Error> {
        let mut variant = Variant(&mut self.inner);
        shape_field(&mut variant, self.ctx, self.depth, key, v)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

/// A `value` the output leaves out: null, or a number too large to be finite.
fn is_empty_value<T: Serialize + ?Sized>(v: &T) -> bool {
    v.serialize(EmptyProbe).unwrap_or(false)
}

/// Why a probe stopped: the value was not of the shape it looks for.
#[derive(Debug)]
struct NotThis;

impl std::fmt::Display for NotThis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not the shape probed for")
    }
}

impl std::error::Error for NotThis {}

impl ser::Error for NotThis {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        NotThis
    }
}

/// Declares the serializer methods a probe does not accept.
macro_rules! refuse {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Result<Self::Ok, NotThis> { Err(NotThis) })*
    };
}

macro_rules! refuse_compounds {
    () => {
        type SerializeSeq = Impossible<Self::Ok, NotThis>;
        type SerializeTuple = Impossible<Self::Ok, NotThis>;
        type SerializeTupleStruct = Impossible<Self::Ok, NotThis>;
        type SerializeTupleVariant = Impossible<Self::Ok, NotThis>;
        type SerializeMap = Impossible<Self::Ok, NotThis>;
        type SerializeStructVariant = Impossible<Self::Ok, NotThis>;
        refuse!(
            serialize_bool(bool),
            serialize_i8(i8),
            serialize_i16(i16),
            serialize_i32(i32),
            serialize_u8(u8),
            serialize_u16(u16),
            serialize_u32(u32),
            serialize_f32(f32),
            serialize_char(char),
            serialize_str(&str),
            serialize_bytes(&[u8]),
            serialize_unit_struct(&'static str),
        );
        fn serialize_unit(self) -> Result<Self::Ok, NotThis> {
            Err(NotThis)
        }
        fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<Self::Ok, NotThis> {
            Err(NotThis)
        }
        fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result<Self::Ok, NotThis> {
            v.serialize(self)
        }
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<Self::Ok, NotThis> {
            Err(NotThis)
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotThis> {
            Err(NotThis)
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotThis> {
            Err(NotThis)
        }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, NotThis> {
            Err(NotThis)
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, NotThis> {
            Err(NotThis)
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotThis> {
            Err(NotThis)
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, NotThis> {
            Err(NotThis)
        }
    };
}

/// Reads a value that is null or a non-finite number as `true`, any other
/// number as `false`, and refuses the rest (which the output keeps).
struct EmptyProbe;

impl Serializer for EmptyProbe {
    type Ok = bool;
    type Error = NotThis;
    type SerializeStruct = Impossible<bool, NotThis>;
    refuse_compounds!();
    fn serialize_i64(self, _: i64) -> Result<bool, NotThis> {
        Ok(false)
    }
    fn serialize_u64(self, _: u64) -> Result<bool, NotThis> {
        Ok(false)
    }
    fn serialize_f64(self, v: f64) -> Result<bool, NotThis> {
        Ok(!v.is_finite())
    }
    fn serialize_none(self) -> Result<bool, NotThis> {
        Ok(true)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<bool, NotThis> {
        v.serialize(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotThis> {
        Err(NotThis)
    }
}

/// Reads a span's byte offsets; `None` for a missing (null) span.
struct SpanCapture;

impl Serializer for SpanCapture {
    type Ok = Option<(usize, usize)>;
    type Error = NotThis;
    type SerializeStruct = SpanFields;
    refuse_compounds!();
    fn serialize_i64(self, _: i64) -> Result<Self::Ok, NotThis> {
        Err(NotThis)
    }
    fn serialize_u64(self, _: u64) -> Result<Self::Ok, NotThis> {
        Err(NotThis)
    }
    fn serialize_f64(self, _: f64) -> Result<Self::Ok, NotThis> {
        Err(NotThis)
    }
    fn serialize_none(self) -> Result<Self::Ok, NotThis> {
        Ok(None)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<Self::Ok, NotThis> {
        v.serialize(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<SpanFields, NotThis> {
        Ok(SpanFields { start: None, end: None })
    }
}

/// The fields of a span being captured.
struct SpanFields {
    start: Option<usize>,
    end: Option<usize>,
}

impl SerializeStruct for SpanFields {
    type Ok = Option<(usize, usize)>;
    type Error = NotThis;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), NotThis> {
        let n = v.serialize(serde_json::value::Serializer).map_err(|_| NotThis)?.as_u64().ok_or(NotThis)? as usize;
        match key {
            "start" => self.start = Some(n),
            "end" => self.end = Some(n),
            _ => return Err(NotThis),
        }
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, NotThis> {
        Ok(Some((self.start.ok_or(NotThis)?, self.end.ok_or(NotThis)?)))
    }
}
