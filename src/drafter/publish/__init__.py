"""Publishing a draft: sanitised HTML (fragment and standalone page), a WordPress WXR 1.2
import file, and a WordPress draft posted through the REST API. Everything in a draft is
treated as untrusted: Markdown is rendered with raw HTML off and the result is sanitised
with an allow-list before it leaves drafter."""
