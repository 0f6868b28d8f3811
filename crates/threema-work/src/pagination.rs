//! Pages: the `pageSize`/`page` parameters, and streams that walk every page.
//!
//! Each list call returns one page. The `…_all()` methods of [`Client`] (and
//! [`Client::paginate`] for any [`Paged`] request) return a [`Stream`](futures_util::Stream) of items that fetches
//! page after page until the items seen reach `paging.total` or a page comes back empty.
//!
//! The API does not say whether pages count from 0 or from 1, so the walk assumes neither
//! ([`PageWalker`]): the first request carries no `page` (the server's first page), and
//! the next page is, in this order of preference, the `page` of a `next` link, the page number
//! the server reported plus one, or the page requested plus one. When the server numbers
//! nothing, the second request asks for page 1 and, if that repeats the first page (a 1-based
//! server), skips it. A page number is never requested twice, and a server that repeats the
//! same unnumbered page ends the walk, so a misbehaving server cannot make the stream loop.

use crate::api::WorkRequest;
use crate::model::Paging;
use crate::validate::{self, ValidationError};
use crate::{Client, Result};
use futures_util::stream::{self, BoxStream, StreamExt, TryStreamExt};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// `pageSize` and `page` of a list request; both optional (the server's defaults are 20 and
/// the first page).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageParams {
    /// `pageSize`: items per page, 1–5000 (1–500 for `GET /mdm-bulk`).
    pub size: Option<u32>,
    /// `page`: the page number, in the server's numbering.
    pub number: Option<u32>,
}

impl PageParams {
    /// No parameters: the server's first page of its default size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `pageSize` and `page` (when set) to a query.
    pub(crate) fn push_query(&self, query: &mut Vec<(Cow<'static, str>, String)>) {
        if let Some(size) = self.size {
            query.push(("pageSize".into(), size.to_string()));
        }
        if let Some(number) = self.number {
            query.push(("page".into(), number.to_string()));
        }
    }

    /// Checks `pageSize` against `max`.
    pub(crate) fn validate(&self, max: u32) -> Result<(), ValidationError> {
        validate::page_size(self.size, max)
    }
}

/// One page of a list response: its items and its `paging` object.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// The `paging` object, if the server sent one.
    pub paging: Option<Paging>,
}

impl<T> Page<T> {
    /// A page of `items`.
    pub fn new(items: Vec<T>, paging: Option<Paging>) -> Self {
        Self { items, paging }
    }
}

/// A list request that can be walked page by page.
pub trait Paged: WorkRequest + Clone + Send + Sync + 'static {
    /// The listed item.
    type Item: Clone + PartialEq + Send + 'static;

    /// The request's page parameters.
    fn page_params(&self) -> &PageParams;

    /// The request's page parameters, to change the page.
    fn page_params_mut(&mut self) -> &mut PageParams;

    /// Splits a response into its items and paging.
    fn into_page(response: Self::Response) -> Page<Self::Item>;
}

/// For a list request with a `page: PageParams` field: its `with_page_size`/`with_page`
/// setters and its [`Paged`] impl, taking the items from the response field `$items`.
macro_rules! paged_list {
    ($request:ty, $response:ty, $item:ty, $items:ident, $max:literal) => {
        impl $request {
            #[doc = concat!("`pageSize` (1–", stringify!($max), ").")]
            #[must_use]
            pub fn with_page_size(mut self, size: u32) -> Self {
                self.page.size = Some(size);
                self
            }

            /// `page`, in the server's numbering.
            #[must_use]
            pub fn with_page(mut self, page: u32) -> Self {
                self.page.number = Some(page);
                self
            }
        }

        impl $crate::pagination::Paged for $request {
            type Item = $item;

            fn page_params(&self) -> &$crate::pagination::PageParams {
                &self.page
            }

            fn page_params_mut(&mut self) -> &mut $crate::pagination::PageParams {
                &mut self.page
            }

            fn into_page(response: $response) -> $crate::pagination::Page<$item> {
                $crate::pagination::Page::new(response.$items, response.paging)
            }
        }
    };
}
pub(crate) use paged_list;

/// The page-walking rules as a pure state machine (no I/O): ask it which page to fetch next,
/// feed it each page, and it returns the items to yield.
///
/// ```
/// use threema_work::model::Paging;
/// use threema_work::pagination::{Page, PageWalker};
///
/// // A 1-based server with 5 items, 2 per page.
/// let mut walker = PageWalker::new(None);
/// assert_eq!(walker.next_page(), Some(None)); // first: no `page` parameter
/// let items = walker.on_page(Page::new(vec![1, 2], Some(Paging::new(2, 5, 1))));
/// assert_eq!(items, [1, 2]);
/// assert_eq!(walker.next_page(), Some(Some(2)));
/// walker.on_page(Page::new(vec![3, 4], Some(Paging::new(2, 5, 2))));
/// assert_eq!(walker.next_page(), Some(Some(3)));
/// walker.on_page(Page::new(vec![5], Some(Paging::new(1, 5, 3))));
/// assert_eq!(walker.next_page(), None); // total reached
/// ```
#[derive(Debug, Clone)]
pub struct PageWalker<T> {
    /// The page to fetch next (`Some(None)`: the server's first page); `None` when done.
    next: Option<Option<u32>>,
    /// Page numbers already fetched (requested or reported).
    seen_pages: BTreeSet<u32>,
    /// Items yielded so far.
    yielded: u64,
    /// The previous page's items, kept only while the server does not number its pages.
    previous: Option<Vec<T>>,
}

impl<T: PartialEq + Clone> PageWalker<T> {
    /// A walk starting at page `start` (`None`: the server's first page).
    pub fn new(start: Option<u32>) -> Self {
        Self {
            next: Some(start),
            seen_pages: BTreeSet::new(),
            yielded: 0,
            previous: None,
        }
    }

    /// The page to fetch next: `Some(None)` for the server's first page (no `page`
    /// parameter), `Some(Some(n))` for page `n`, `None` when the walk is over.
    pub fn next_page(&self) -> Option<Option<u32>> {
        self.next
    }

    /// Items yielded so far.
    pub fn yielded(&self) -> u64 {
        self.yielded
    }

    /// Takes the page just fetched (the one [`next_page`](Self::next_page) named) and returns
    /// the items to yield; afterwards `next_page` names the following page, or `None`.
    pub fn on_page(&mut self, page: Page<T>) -> Vec<T> {
        let Some(requested) = self.next.take() else {
            return Vec::new();
        };
        let Page { mut items, paging } = page;
        if items.is_empty() {
            return items;
        }
        let reported = paging.as_ref().and_then(|p| p.page);
        let reported_number = reported.and_then(|p| u32::try_from(p).ok());
        if reported_number.is_some_and(|number| self.seen_pages.contains(&number)) {
            // The server sent a page it had already sent (it ignores `page`): stop.
            return Vec::new();
        }
        self.seen_pages.extend(requested);
        self.seen_pages.extend(reported_number);
        if reported.is_none() {
            if self.previous.as_ref() == Some(&items) {
                if requested != Some(1) {
                    // The server ignores `page`: it would send this page forever.
                    return Vec::new();
                }
                // Page 1 repeated the unnumbered first page: the server counts from 1.
                items.clear();
            } else {
                self.previous = Some(items.clone());
            }
        } else {
            self.previous = None;
        }
        self.yielded += items.len() as u64;
        let total_reached = paging
            .as_ref()
            .and_then(|p| p.total)
            .is_some_and(|total| self.yielded >= total);
        let next = paging
            .as_ref()
            .and_then(Paging::next_page)
            .or_else(|| reported.and_then(|p| u32::try_from(p.checked_add(1)?).ok()))
            .or_else(|| match requested {
                Some(number) => number.checked_add(1),
                None => Some(1),
            });
        self.next = match next {
            Some(number) if !total_reached && !self.seen_pages.contains(&number) => {
                Some(Some(number))
            }
            _ => None,
        };
        items
    }
}

/// Walks every page of `request` (see the module docs).
pub(crate) fn items<E: Paged>(client: Client, request: E) -> BoxStream<'static, Result<E::Item>>
where
    E::Response: Send,
{
    let walker = PageWalker::new(request.page_params().number);
    stream::try_unfold(
        (client, request, walker),
        |(client, mut request, mut walker)| async move {
            while let Some(page) = walker.next_page() {
                request.page_params_mut().number = page;
                tracing::debug!(page = ?page, "threema-work: fetching page");
                let response = client.send(&request).await?;
                let items = walker.on_page(E::into_page(response));
                if !items.is_empty() {
                    return Ok::<_, crate::Error>(Some((items, (client, request, walker))));
                }
            }
            Ok(None)
        },
    )
    .map_ok(|items| stream::iter(items.into_iter().map(Ok)))
    .try_flatten()
    .boxed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Links};

    fn paging(total: Option<u64>, page: Option<i64>) -> Option<Paging> {
        Some(Paging {
            total,
            page,
            ..Paging::default()
        })
    }

    /// Runs a walker against a fake "server" function and returns the requests and the items.
    fn walk(
        server: impl Fn(Option<u32>) -> Page<u32>,
        limit: usize,
    ) -> (Vec<Option<u32>>, Vec<u32>) {
        let mut walker = PageWalker::new(None);
        let (mut requests, mut items) = (Vec::new(), Vec::new());
        while let Some(page) = walker.next_page() {
            assert!(requests.len() < limit, "walk did not end: {requests:?}");
            requests.push(page);
            items.extend(walker.on_page(server(page)));
        }
        (requests, items)
    }

    /// `n` items, `size` per page, numbered from `base`; `page` is reported when `numbered`.
    fn server(
        n: u32,
        size: u32,
        base: u32,
        numbered: bool,
        total: Option<u64>,
    ) -> impl Fn(Option<u32>) -> Page<u32> {
        move |page| {
            let page = page.unwrap_or(base);
            let index = page.saturating_sub(base);
            let items: Vec<u32> = (index * size..((index + 1) * size).min(n)).collect();
            let reported = numbered.then_some(i64::from(page));
            Page::new(items, paging(total.or(Some(n.into())), reported))
        }
    }

    #[test]
    fn zero_and_one_based_numbered_servers() {
        for base in [0, 1] {
            let (requests, items) = walk(server(7, 3, base, true, None), 10);
            assert_eq!(items, (0..7).collect::<Vec<_>>(), "base {base}");
            assert_eq!(
                requests,
                [None, Some(base + 1), Some(base + 2)],
                "base {base}"
            );
        }
    }

    #[test]
    fn unnumbered_servers_are_probed() {
        // 0-based without `page`: page 1 is the second page.
        let (requests, items) = walk(server(7, 3, 0, false, Some(1000)), 10);
        assert_eq!(items, (0..7).collect::<Vec<_>>());
        assert_eq!(requests, [None, Some(1), Some(2), Some(3)]);
        // 1-based without `page`: page 1 repeats the first page and is skipped.
        let (requests, items) = walk(server(7, 3, 1, false, Some(1000)), 10);
        assert_eq!(items, (0..7).collect::<Vec<_>>());
        assert_eq!(requests, [None, Some(1), Some(2), Some(3), Some(4)]);
    }

    #[test]
    fn lying_totals() {
        // Too high: the walk ends at the first empty page.
        let (_, items) = walk(server(7, 3, 1, true, Some(100)), 10);
        assert_eq!(items, (0..7).collect::<Vec<_>>());
        // Too low: the walk ends once the total is reached (whole pages are kept).
        let (requests, items) = walk(server(7, 3, 1, true, Some(4)), 10);
        assert_eq!(items, (0..6).collect::<Vec<_>>());
        assert_eq!(requests.len(), 2);
    }

    #[test]
    fn servers_that_ignore_the_page_parameter_end_the_walk() {
        // Numbered: always reports page 0.
        let (requests, items) = walk(|_| Page::new(vec![1, 2], paging(Some(100), Some(0))), 10);
        assert_eq!(items, [1, 2]);
        assert_eq!(requests, [None, Some(1)]);
        // Unnumbered, no total: the same page again and again.
        let (requests, items) = walk(|_| Page::new(vec![1, 2], None), 10);
        assert_eq!(items, [1, 2]);
        assert_eq!(requests, [None, Some(1), Some(2)]);
    }

    #[test]
    fn next_links_win() {
        let pages = |page: Option<u32>| {
            let mut p = Paging::new(2, 100, i64::from(page.unwrap_or(0)));
            let items = match page {
                None => vec![1, 2],
                Some(10) => vec![3],
                _ => vec![],
            };
            if page.is_none() {
                p.links = Links::from(vec![Link::new(
                    "next",
                    "https://work.threema.ch/api/v1/users?page=10",
                )]);
            }
            Page::new(items, Some(p))
        };
        let (requests, items) = walk(pages, 10);
        assert_eq!(items, [1, 2, 3]);
        assert_eq!(requests, [None, Some(10), Some(11)]);
    }

    #[test]
    fn explicit_start_and_empty_first_page() {
        let mut walker = PageWalker::new(Some(5));
        assert_eq!(walker.next_page(), Some(Some(5)));
        assert!(walker.on_page(Page::<u8>::new(vec![], None)).is_empty());
        assert_eq!(walker.next_page(), None);
        assert_eq!(walker.yielded(), 0);
        assert!(walker.on_page(Page::new(vec![1], None)).is_empty());
    }

    #[test]
    fn page_params_query_and_validation() {
        let mut query = Vec::new();
        PageParams {
            size: Some(50),
            number: Some(0),
        }
        .push_query(&mut query);
        assert_eq!(
            query,
            [
                ("pageSize".into(), "50".to_owned()),
                ("page".into(), "0".to_owned())
            ]
        );
        let mut query = Vec::new();
        PageParams::new().push_query(&mut query);
        assert!(query.is_empty());
        assert!(
            PageParams {
                size: Some(0),
                number: None
            }
            .validate(5000)
            .is_err()
        );
        assert!(
            PageParams {
                size: Some(501),
                number: None
            }
            .validate(500)
            .is_err()
        );
    }
}
