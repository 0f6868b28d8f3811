//! [`WsConnection::split`]: a raw connection as a writer and a reader half, so that one task can
//! keep reading while another waits for the socket to accept a large write.
//!
//! Protocols that run their own session logic over the raw layer (SaltyRTC relays bulk data in
//! both directions through a server that forwards one message at a time) need this: with a
//! single `&mut` connection, a peer blocked in `send` stops reading, and two such peers behind a
//! relay can deadlock once every buffer between them is full.

use crate::error::Result;
use crate::ws::connect::{Stream, WsConnection, io_error, ping_message, read_item};
use crate::ws::frame::WsFrame;
use bytes::Bytes;
use futures_util::stream::{SplitSink, SplitStream};
use futures_util::{SinkExt, StreamExt};
use std::fmt;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

/// The sending half of a [`WsConnection`] (see [`WsConnection::split`]).
pub struct WsWriter {
    sink: SplitSink<Stream, Message>,
    target: String,
}

/// The receiving half of a [`WsConnection`] (see [`WsConnection::split`]).
pub struct WsReader {
    stream: SplitStream<Stream>,
    target: String,
}

impl fmt::Debug for WsWriter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WsWriter")
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for WsReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WsReader")
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

impl WsConnection {
    /// Splits the connection into a writer and a reader that can be used from different tasks.
    ///
    /// Pings from the server are still answered automatically while [`WsReader::recv`] is being
    /// called.
    ///
    /// ```
    /// use transport_core::testkit::FakeWsServer;
    /// use transport_core::ws::{WsConnectOptions, WsFrame, connect};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), transport_core::Error> {
    /// let server = FakeWsServer::start(|mut conn| async move {
    ///     while let Some(frame) = conn.recv().await {
    ///         if conn.send(frame).await.is_err() {
    ///             break;
    ///         }
    ///     }
    /// })
    /// .await
    /// .expect("bind");
    ///
    /// let (mut writer, mut reader) = connect(&WsConnectOptions::new(server.url())).await?.split();
    /// let echo = tokio::spawn(async move { reader.recv().await });
    /// writer.send(WsFrame::binary(vec![1u8, 2, 3])).await?;
    /// assert_eq!(echo.await.expect("task")?.as_bytes(), [1, 2, 3]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn split(self) -> (WsWriter, WsReader) {
        let target = self.target().to_owned();
        let (sink, stream) = self.into_stream().split();
        (
            WsWriter {
                sink,
                target: target.clone(),
            },
            WsReader { stream, target },
        )
    }
}

impl WsWriter {
    /// Where the connection goes (the URL without user info or query).
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Sends one frame and flushes it.
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`](crate::Error::ConnectionLost) when the connection is gone.
    pub async fn send(&mut self, frame: WsFrame) -> Result<()> {
        self.sink.send(frame.into_message()).await.map_err(io_error)
    }

    /// Queues one frame without flushing it; [`WsWriter::flush`] (or the next
    /// [`WsWriter::send`]) writes it. Cheaper than `send` for bursts of frames.
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`](crate::Error::ConnectionLost) when the connection is gone.
    pub async fn feed(&mut self, frame: WsFrame) -> Result<()> {
        self.sink.feed(frame.into_message()).await.map_err(io_error)
    }

    /// Writes every queued frame.
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`](crate::Error::ConnectionLost) when the connection is gone.
    pub async fn flush(&mut self) -> Result<()> {
        self.sink.flush().await.map_err(io_error)
    }

    /// Sends a WebSocket ping with `payload` (at most 125 bytes).
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`](crate::Error::ConnectionLost) when the connection is gone; [`Error::InvalidInput`](crate::Error::InvalidInput) for a
    /// payload over 125 bytes.
    pub async fn ping(&mut self, payload: impl Into<Bytes>) -> Result<()> {
        let ping = ping_message(payload.into())?;
        self.sink.send(ping).await.map_err(io_error)
    }

    /// Sends a close frame with `code` and `reason`. The reader half sees the server's answer
    /// (and then the end of the stream).
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`](crate::Error::ConnectionLost) when the connection was already gone.
    pub async fn close(&mut self, code: u16, reason: &str) -> Result<()> {
        let frame = CloseFrame {
            code: CloseCode::from(code),
            reason: reason.into(),
        };
        self.sink
            .send(Message::Close(Some(frame)))
            .await
            .map_err(io_error)
    }
}

impl WsReader {
    /// Where the connection goes (the URL without user info or query).
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Receives the next data frame. Pings are answered and pongs skipped on the way.
    ///
    /// Cancel-safe: a frame is never lost when the future is dropped before it completes.
    ///
    /// # Errors
    ///
    /// - [`Error::Closed`](crate::Error::Closed) when the server sent a close frame (code 1005 if it gave none);
    /// - [`Error::ConnectionLost`](crate::Error::ConnectionLost) when the connection ended without a close frame;
    /// - [`Error::Protocol`](crate::Error::Protocol) for a frame over the configured limits.
    pub async fn recv(&mut self) -> Result<WsFrame> {
        loop {
            if let Some(result) = read_item(self.stream.next().await) {
                return result;
            }
        }
    }
}

#[cfg(all(test, feature = "testkit"))]
mod tests {
    use super::*;
    use crate::Error;
    use crate::testkit::{FakeMessage, FakeWsServer};
    use crate::ws::{WsConnectOptions, connect};

    #[tokio::test]
    async fn halves_work_from_different_tasks_and_see_the_close() {
        let server = FakeWsServer::start(|mut conn| async move {
            // Two frames in, both echoed reversed, then a close with a code.
            let mut got = Vec::new();
            while got.len() < 2 {
                match conn.recv().await {
                    Some(frame) => got.push(frame),
                    None => return,
                }
            }
            for frame in got.into_iter().rev() {
                let _ = conn.send(frame).await;
            }
            conn.close(3001, "bye").await;
        })
        .await
        .unwrap();
        let (mut writer, mut reader) = connect(&WsConnectOptions::new(server.url()))
            .await
            .unwrap()
            .split();
        assert!(format!("{writer:?}").contains("WsWriter"));
        assert_eq!(writer.target(), reader.target());
        let reading = tokio::spawn(async move {
            let mut frames = Vec::new();
            let end = loop {
                match reader.recv().await {
                    Ok(frame) => frames.push(frame),
                    Err(error) => break error,
                }
            };
            (frames, end)
        });
        writer.feed(WsFrame::text("one")).await.unwrap();
        writer.feed(WsFrame::binary(vec![2u8])).await.unwrap();
        writer.flush().await.unwrap();
        writer.ping(vec![9u8]).await.unwrap();
        assert!(writer.ping(vec![0u8; 126]).await.is_err());
        let (frames, end) = reading.await.unwrap();
        assert_eq!(frames, [WsFrame::binary(vec![2u8]), WsFrame::text("one")]);
        assert!(
            matches!(end, Error::Closed { code: 3001, ref reason } if reason == "bye"),
            "{end:?}"
        );
    }

    #[tokio::test]
    async fn the_writer_sends_a_close_code() {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let tx = std::sync::Mutex::new(Some(tx));
        let server = FakeWsServer::start(move |mut conn| {
            let tx = tx.lock().unwrap().take();
            async move {
                while let Some(message) = conn.next_message().await {
                    if let FakeMessage::Close { code, .. } = message {
                        if let Some(tx) = tx {
                            let _ = tx.send(code);
                        }
                        return;
                    }
                }
            }
        })
        .await
        .unwrap();
        let (mut writer, _reader) = connect(&WsConnectOptions::new(server.url()))
            .await
            .unwrap()
            .split();
        writer.close(3005, "could not decrypt").await.unwrap();
        assert_eq!(rx.await.unwrap(), Some(3005));
    }
}
