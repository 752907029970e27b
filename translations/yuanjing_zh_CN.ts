<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountStatus</name>
    <message>
        <source>The platform answered, but it has no model list.</source>
        <translation>平台有回应,但没有提供模型列表。</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Valid: the platform accepts the key</source>
        <translation>有效:平台接受此密钥</translation>
    </message>
    <message>
        <source>Rejected: the platform does not accept the key</source>
        <translation>被拒绝:平台不接受此密钥</translation>
    </message>
    <message>
        <source>Platform unreachable: the key could not be checked</source>
        <translation>无法连接平台:无法检查密钥</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>没有密钥</translation>
    </message>
</context>
<context>
    <name>AccountTab</name>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>立即检查</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>更换…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>The platform shows the balance only on its website: sign in, open the user menu (top right) → 财务. To top up: user menu → 充值, choose Alipay (支付宝), enter the amount and submit; the balance updates about a minute later.</source>
        <translation>平台只在网站上显示余额:登录后点击右上角用户名打开用户菜单 → 财务。充值:用户菜单 → 充值,选择支付宝,输入金额并提交;约一分钟后余额更新。</translation>
    </message>
    <message>
        <source>Open the balance page</source>
        <translation>打开余额页面</translation>
    </message>
    <message>
        <source>Top up…</source>
        <translation>充值…</translation>
    </message>
    <message>
        <source>I have topped up</source>
        <translation>我已充值</translation>
    </message>
    <message>
        <source>Clear the warning; the next call that goes through clears it too.</source>
        <translation>清除提醒;下一次成功的调用也会自动清除。</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>按天</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计周期</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Tokens (prompt / completion / cached)</source>
        <translation>Tokens(输入 / 输出 / 缓存)</translation>
    </message>
    <message>
        <source>Total tokens</source>
        <translation>Tokens 合计</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Usage per model</source>
        <translation>各模型用量</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>按模型</translation>
    </message>
    <message>
        <source>Calls, newest first</source>
        <translation>调用记录(最新在前)</translation>
    </message>
    <message>
        <source>Remove API key</source>
        <translation>移除 API 密钥</translation>
    </message>
    <message>
        <source>Remove the stored API key from this computer?</source>
        <translation>从这台电脑上移除已保存的 API 密钥?</translation>
    </message>
    <message>
        <source>Export usage</source>
        <translation>导出用量</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>密钥:%1</translation>
    </message>
    <message>
        <source>No key is stored.</source>
        <translation>未保存密钥。</translation>
    </message>
    <message>
        <source>(Demo mode: the built-in simulator is used and no key is sent.)</source>
        <translation>(演示模式:使用内置模拟器,不发送密钥。)</translation>
    </message>
    <message>
        <source>Insufficient since %1%2. Calls that cost money are refused until you top up.</source>
        <translation>自 %1%2 起余额不足。充值之前,收费的调用会被拒绝。</translation>
    </message>
    <message>
        <source> (for %1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>No balance problem reported by the platform.</source>
        <translation>平台未报告余额问题。</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s), %1 tokens, %2 credits</source>
        <translation>
            <numerusform>%n 次调用,%1 tokens,%2 积分</numerusform>
        </translation>
    </message>
    <message>
        <source>Today: %1
This week: %2
This month: %3
All recorded: %4</source>
        <translation>今天:%1
本周:%2
本月:%3
全部记录:%4</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
</context>
<context>
    <name>AnswerAssembler</name>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>The text received so far is kept; Retry asks again (and may be billed again).</source>
        <translation>已收到的文字已保留;“重试”会再次提问(可能再次计费)。</translation>
    </message>
    <message>
        <source>The model call failed on the platform: %1</source>
        <translation>平台上的模型调用失败:%1</translation>
    </message>
    <message>
        <source>The platform went silent while the answer was arriving (%1).</source>
        <translation>回答生成过程中平台没有了响应(%1)。</translation>
    </message>
    <message>
        <source>The connection was lost while the answer was arriving (%1).</source>
        <translation>回答生成过程中连接中断(%1)。</translation>
    </message>
    <message>
        <source>The platform ended the answer without its final chunk (no usage came).</source>
        <translation>平台结束了回答,但没有发送最后的数据块(没有用量信息)。</translation>
    </message>
    <message>
        <source>The answer ended before the platform said it was complete.</source>
        <translation>回答在平台确认完成之前就结束了。</translation>
    </message>
    <message>
        <source>The model returned an empty answer.</source>
        <translation>模型返回了空回答。</translation>
    </message>
</context>
<context>
    <name>ApiCall</name>
    <message>
        <source>reply larger than %1 MiB</source>
        <translation>回复超过 %1 MiB</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>API key rejected</source>
        <translation>API 密钥被拒绝</translation>
    </message>
    <message>
        <source>Request refused</source>
        <translation>请求被拒绝</translation>
    </message>
    <message>
        <source>Insufficient balance</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>请求过大</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Platform error</source>
        <translation>平台错误</translation>
    </message>
    <message>
        <source>Unexpected reply</source>
        <translation>意外的回复</translation>
    </message>
    <message>
        <source>Model call failed</source>
        <translation>模型调用失败</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>The platform did not accept the API key (HTTP %1). Check the key in Settings, or create a new one on the platform (元境平台 → 下位系统接口 → 下位系统 → 创建APIKEY).</source>
        <translation>平台不接受该 API 密钥(HTTP %1)。请在“设置”中检查密钥,或在平台上新建一个(元境平台 → 下位系统接口 → 下位系统 → 创建APIKEY)。</translation>
    </message>
    <message>
        <source>The platform refused the request (HTTP %1).</source>
        <translation>平台拒绝了该请求(HTTP %1)。</translation>
    </message>
    <message>
        <source>The request is larger than the platform accepts. Use smaller images or lower the request size limit in Settings.</source>
        <translation>请求超过了平台允许的大小。请使用更小的图片,或在“设置”中调低请求大小上限。</translation>
    </message>
    <message>
        <source>The platform no longer has this item (HTTP %1).</source>
        <translation>平台上已不再有此内容(HTTP %1)。</translation>
    </message>
    <message>
        <source>The platform had a problem (HTTP %1). Try again in a moment.</source>
        <translation>平台出现问题(HTTP %1)。请稍后再试。</translation>
    </message>
    <message>
        <source>The platform answered with something that is not the expected JSON.</source>
        <translation>平台返回的内容不是预期的 JSON。</translation>
    </message>
    <message>
        <source>The platform reported that the call failed.</source>
        <translation>平台报告调用失败。</translation>
    </message>
    <message>
        <source>Could not reach the platform. Check your connection and the base URL in Settings.</source>
        <translation>无法连接平台。请检查网络连接以及“设置”中的平台地址。</translation>
    </message>
    <message>
        <source>The platform did not answer in time.</source>
        <translation>平台未能及时响应。</translation>
    </message>
    <message>
        <source>Stopped by you.</source>
        <translation>已由你停止。</translation>
    </message>
    <message>
        <source>Server says: %1</source>
        <translation>服务器消息:%1</translation>
    </message>
    <message>
        <source>Your balance is too low for this model. Before a call the platform holds back the highest price this model has ever cost, so it can refuse even when your balance seems to cover the price. Top up on the platform (user menu → 充值), then try again. See the Account tab.</source>
        <translation>余额不足以调用此模型。平台在每次调用前会按该模型历史上的最高价格预扣费用,因此即使余额看起来足够,也可能被拒绝。请在平台充值(用户菜单 → 充值)后再试。详见“账户”页。</translation>
    </message>
</context>
<context>
    <name>AppCore</name>
    <message>
        <source>The database %1 cannot be opened: %2</source>
        <translation>无法打开数据库 %1:%2</translation>
    </message>
    <message>
        <source>The demo simulator could not start on this computer.</source>
        <translation>演示模拟器无法在本机启动。</translation>
    </message>
    <message>
        <source>Demo mode: built-in simulator at %1, no key needed, nothing is billed</source>
        <translation>演示模式:内置模拟器 %1,无需密钥,不产生费用</translation>
    </message>
    <message>
        <source>Platform: %1 (set for this run)</source>
        <translation>平台:%1(仅本次运行)</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>平台:%1</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>Enter the platform address, for example https://opencomputing.ai.</source>
        <translation>请输入平台地址,例如 https://opencomputing.ai。</translation>
    </message>
    <message>
        <source>“%1” is not a valid web address. Use the form https://opencomputing.ai.</source>
        <translation>“%1”不是有效的网址。请使用 https://opencomputing.ai 这样的格式。</translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation>地址必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>The address must use https:// so that your API key is never sent unencrypted (plain http is only allowed for this computer, e.g. http://127.0.0.1).</source>
        <translation>地址必须使用 https://,以免 API 密钥以明文发送(仅本机地址可用 http,例如 http://127.0.0.1)。</translation>
    </message>
    <message>
        <source>The address must not contain a query, a fragment or a user name.</source>
        <translation>地址不能包含查询参数、片段或用户名。</translation>
    </message>
    <message>
        <source>Paste your API key first.</source>
        <translation>请先粘贴你的 API 密钥。</translation>
    </message>
    <message>
        <source>The API key contains spaces or characters that an API key never has. Copy it again with the platform&apos;s “复制apikey” button.</source>
        <translation>API 密钥中含有空格或密钥中不会出现的字符。请用平台上的“复制apikey”按钮重新复制。</translation>
    </message>
    <message>
        <source>This API key is too short to be valid.</source>
        <translation>该 API 密钥太短,不可能有效。</translation>
    </message>
    <message>
        <source>Choose a folder for downloaded videos.</source>
        <translation>请选择下载视频的文件夹。</translation>
    </message>
    <message>
        <source>Use a full path for the download folder.</source>
        <translation>下载文件夹请使用完整路径。</translation>
    </message>
    <message>
        <source>“%1” is a file, not a folder.</source>
        <translation>“%1”是文件,不是文件夹。</translation>
    </message>
    <message>
        <source>The folder “%1” cannot be created.</source>
        <translation>无法创建文件夹“%1”。</translation>
    </message>
    <message>
        <source>The folder “%1” is not writable.</source>
        <translation>文件夹“%1”不可写。</translation>
    </message>
</context>
<context>
    <name>BoardFile</name>
    <message>
        <source>no field “%1”</source>
        <translation>没有字段“%1”</translation>
    </message>
    <message>
        <source>no picture field “%1”</source>
        <translation>没有图片字段“%1”</translation>
    </message>
    <message>
        <source>not a storyboard (a JSON object with a list of &quot;shots&quot;; see docs/STORYBOARD.md)</source>
        <translation>不是分镜文件(应为带有 &quot;shots&quot; 列表的 JSON 对象;见 docs/STORYBOARD.md)</translation>
    </message>
    <message>
        <source>shot %1: unknown model “%2”</source>
        <translation>第 %1 镜:未知模型“%2”</translation>
    </message>
    <message>
        <source>shot %1: %2</source>
        <translation>第 %1 个镜头:%2</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <source>ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <source>not generated yet</source>
        <translation>尚未生成</translation>
    </message>
    <message>
        <source>take %1: %2</source>
        <translation>第 %1 条:%2</translation>
    </message>
    <message>
        <source>take 1 ready</source>
        <translation>第 1 条已就绪</translation>
    </message>
    <message numerus="yes">
        <source>%n take(s); take %1 in the film</source>
        <translation>
            <numerusform>%n 条;成片用第 %1 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Shot %1: %2</source>
        <translation>第 %1 镜:%2</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(无提示词)</translation>
    </message>
    <message>
        <source>Shot %1, %2, %3</source>
        <translation>第 %1 镜,%2,%3</translation>
    </message>
    <message>
        <source>set to continue, but it is the first shot</source>
        <translation>设为接续,但它是第一个镜头</translation>
    </message>
    <message>
        <source>take %1: %2 — %3</source>
        <translation>第 %1 条:%2 — %3</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>An answer is still arriving. Stop it first.</source>
        <translation>回答仍在生成中,请先停止。</translation>
    </message>
    <message>
        <source>The message could not be saved, so it was not sent (nothing was billed): %1</source>
        <translation>消息无法保存,因此没有发送(未产生费用):%1</translation>
    </message>
</context>
<context>
    <name>ChatTab</name>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>开始新对话(Ctrl+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <source>The model for this conversation. Type a name to use a model that is not listed.</source>
        <translation>此对话使用的模型。可直接输入名称以使用列表中没有的模型。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>系统提示词…</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>As Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <source>As JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型:</translation>
    </message>
    <message>
        <source>Your balance is too low for this model. &lt;a href=&quot;account&quot;&gt;See the Account tab&lt;/a&gt; or &lt;a href=&quot;https://opencomputing.ai&quot;&gt;top up on the platform&lt;/a&gt; (user menu → 充值).</source>
        <translation>余额不足以使用该模型。&lt;a href=&quot;account&quot;&gt;查看“账户”页&lt;/a&gt;或&lt;a href=&quot;https://opencomputing.ai&quot;&gt;在平台上充值&lt;/a&gt;(用户菜单 → 充值)。</translation>
    </message>
    <message>
        <source>An answer is still arriving. Stop it first (Esc).</source>
        <translation>回答仍在生成中,请先停止(Esc)。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>停止回答(Esc)</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>发送(Enter)</translation>
    </message>
    <message>
        <source>Instructions the model follows for this whole conversation (sent as sys_prompt).</source>
        <translation>模型在整个对话中遵循的指示(作为 sys_prompt 发送)。</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题:</translation>
    </message>
    <message>
        <source>This conversation is receiving an answer. Stop it before deleting.</source>
        <translation>此对话正在接收回答,请先停止再删除。</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <source>Delete “%1” and all its messages? This cannot be undone.</source>
        <translation>删除“%1”及其全部消息?此操作无法撤销。</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1:%2</translation>
    </message>
    <message>
        <source>Editing a message: sending adds the new text as a version beside the old one. Esc cancels.</source>
        <translation>正在编辑消息:发送后新文字作为新版本与旧版本并存。按 Esc 取消。</translation>
    </message>
    <message>
        <source>An answer is still arriving</source>
        <translation>回答仍在生成中</translation>
    </message>
    <message>
        <source>Quit anyway? The text received so far is kept, marked as stopped.</source>
        <translation>仍要退出吗?已收到的文字会保留,并标记为已停止。</translation>
    </message>
    <message>
        <source>An answer is still arriving. Stop it before switching versions.</source>
        <translation>回答仍在生成中,请先停止再切换版本。</translation>
    </message>
    <message>
        <source>An answer is still arriving. Stop it before deleting a version.</source>
        <translation>回答仍在接收中。请先停止,再删除版本。</translation>
    </message>
    <message>
        <source>Delete this version?</source>
        <translation>删除此版本?</translation>
    </message>
    <message>
        <source>This answer is deleted, with the conversation that followed it in this version. The other versions stay. What it cost stays in the Account tab.</source>
        <translation>将删除这条回答,以及此版本中它之后的对话。其他版本保留。它的花费仍记录在“账户”标签页中。</translation>
    </message>
    <message>
        <source>This question is deleted, with its answers and the conversation that followed it in this version. The other versions stay.</source>
        <translation>将删除这个问题、它的回答,以及此版本中它之后的对话。其他版本保留。</translation>
    </message>
    <message>
        <source>Delete version</source>
        <translation>删除版本</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Writing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Hide thinking</source>
        <translation>收起思考过程</translation>
    </message>
    <message numerus="yes">
        <source>Show thinking (%n characters)</source>
        <translation>
            <numerusform>展开思考过程(%n 字)</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <source>Tokens: %1 prompt / %2 completion / %3 cached</source>
        <translation>Tokens:输入 %1 / 输出 %2 / 缓存 %3</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Copy Link Address</source>
        <translation>复制链接地址</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Ask anything. The answer appears here as it is written; Esc stops it.</source>
        <translation>尽管提问。回答会边写边显示在这里,按 Esc 可停止。</translation>
    </message>
    <message>
        <source>Send to Studio</source>
        <translation>发送到视频工作室</translation>
    </message>
    <message>
        <source>Send to storyboard</source>
        <translation>发送到分镜</translation>
    </message>
    <message>
        <source>Send Selection to Studio</source>
        <translation>将所选内容发送到视频工作室</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <source>Delete this version</source>
        <translation>删除此版本</translation>
    </message>
</context>
<context>
    <name>CliApp</name>
    <message>
        <source>unknown command “%1” (see yuanjing --help)</source>
        <translation>未知命令“%1”(见 yuanjing --help)</translation>
    </message>
    <message>
        <source>no prompt: give it as an argument or on stdin</source>
        <translation>没有提示词:请作为参数或从标准输入给出</translation>
    </message>
    <message>
        <source>no API key: set YUANJING_API_KEY, save one in the app, or use --demo</source>
        <translation>没有 API 密钥:请设置 YUANJING_API_KEY、在应用中保存密钥,或使用 --demo</translation>
    </message>
    <message>
        <source>usage: %1 prompt, %2 completion, %3 cached, %4 total tokens</source>
        <translation>用量:输入 %1,输出 %2,缓存 %3,合计 %4 tokens</translation>
    </message>
    <message>
        <source>, required</source>
        <translation>,必填</translation>
    </message>
    <message>
        <source> default %1</source>
        <translation> 默认 %1</translation>
    </message>
    <message>
        <source> one of: %1</source>
        <translation> 可选:%1</translation>
    </message>
    <message>
        <source> %1-%2</source>
        <translation> %1-%2</translation>
    </message>
    <message>
        <source>schema not loaded: %1</source>
        <translation>未载入的模型描述:%1</translation>
    </message>
    <message>
        <source>the platform&apos;s model list is not available (%1); showing the built-in list</source>
        <translation>平台的模型列表不可用(%1);显示内置列表</translation>
    </message>
    <message>
        <source>--llmid is required (see yuanjing models --video)</source>
        <translation>需要 --llmid(见 yuanjing models --video)</translation>
    </message>
    <message>
        <source>unknown model “%1” (see yuanjing models --video)</source>
        <translation>未知模型“%1”(见 yuanjing models --video)</translation>
    </message>
    <message>
        <source>model %1 is not enabled on the platform (%2)</source>
        <translation>模型 %1 在平台上未开通(%2)</translation>
    </message>
    <message>
        <source>%1 has no field “%2” to set (fields: %3)</source>
        <translation>%1 没有可设置的字段“%2”(字段:%3)</translation>
    </message>
    <message>
        <source>%1 has no picture field “%2”</source>
        <translation>%1 没有图片字段“%2”</translation>
    </message>
    <message>
        <source>no clear answer (%1): task %2 is kept as unknown; check on the platform before submitting again</source>
        <translation>没有明确答复(%1):任务 %2 记录为未知;再次提交前请先在平台上确认</translation>
    </message>
    <message>
        <source>the video failed: %1</source>
        <translation>视频生成失败:%1</translation>
    </message>
    <message>
        <source>which task? yuanjing task ID</source>
        <translation>哪个任务?yuanjing task ID</translation>
    </message>
    <message>
        <source>task %1 (platform id %2): %3</source>
        <translation>任务 %1(平台 ID %2):%3</translation>
    </message>
    <message>
        <source>model: %1 (%2), %3</source>
        <translation>模型:%1(%2),%3</translation>
    </message>
    <message>
        <source>prompt: %1</source>
        <translation>提示词:%1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误:%1</translation>
    </message>
    <message>
        <source>file: %1</source>
        <translation>文件:%1</translation>
    </message>
    <message>
        <source>no task %1 in the store</source>
        <translation>任务库中没有任务 %1</translation>
    </message>
    <message>
        <source>cannot read the batch file “%1”</source>
        <translation>无法读取批量文件“%1”</translation>
    </message>
    <message>
        <source>%1 line %2: not a JSON object (%3)</source>
        <translation>%1 第 %2 行:不是 JSON 对象(%3)</translation>
    </message>
    <message>
        <source>%1 line %2: unknown or disabled llmid</source>
        <translation>%1 第 %2 行:llmid 未知或未开通</translation>
    </message>
    <message>
        <source>%1 line %2: %3</source>
        <translation>%1 第 %2 行:%3</translation>
    </message>
    <message>
        <source>line %1: submitting</source>
        <translation>第 %1 行:正在提交</translation>
    </message>
    <message>
        <source>the answer was stopped</source>
        <translation>回答已停止</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 需要一个值</translation>
    </message>
    <message>
        <source>unknown option “%1” for %2 (see yuanjing --help); nothing was sent</source>
        <translation>%2 不认识选项“%1”(见 yuanjing --help);未发送任何请求</translation>
    </message>
    <message>
        <source>task %1 is unknown: %2 (yuanjing task %1 --check asks again)</source>
        <translation>任务 %1 状态未知:%2(用 yuanjing task %1 --check 再次查询)</translation>
    </message>
    <message>
        <source>The app is following this task; waiting for its result.</source>
        <translation>应用正在跟踪此任务;等待它的结果。</translation>
    </message>
    <message>
        <source>task %1 has no platform task id to ask about; give it with --taskid ID</source>
        <translation>任务 %1 没有可查询的平台任务 ID;请用 --taskid ID 提供</translation>
    </message>
    <message>
        <source>only an unknown task can be given a platform task id</source>
        <translation>只有状态未知的任务才能指定平台任务 ID</translation>
    </message>
    <message>
        <source>%1 line %2: the id “%3” is used twice</source>
        <translation>%1 第 %2 行:id“%3”被使用了两次</translation>
    </message>
    <message>
        <source>line %1: already sent (its task was deleted from the store); not sent again</source>
        <translation>第 %1 行:已发送过(其任务已从存储中删除);不再发送</translation>
    </message>
    <message>
        <source>line %1: uncertain — sent as task %2, but no answer was recorded; check on the platform (yuanjing task %2 --taskid ID once you know its id); not sent again</source>
        <translation>第 %1 行:不确定——已作为任务 %2 发送,但没有记录到平台的答复;请在平台上查看(知道其 ID 后用 yuanjing task %2 --taskid ID);不再发送</translation>
    </message>
    <message>
        <source>batch: %1 submitted, %2 skipped (already sent; %3 of them uncertain), %4 succeeded, %5 failed, %6 refused, %7 unknown, %8 not started; %9 credits</source>
        <translation>批量:提交 %1 个,跳过 %2 个(已发送;其中 %3 个不确定),成功 %4 个,失败 %5 个,被拒 %6 个,未知 %7 个,未开始 %8 个;%9 积分</translation>
    </message>
    <message>
        <source>
Media commands (no platform call, nothing billed):
  frame VIDEO [--at SECONDS | --first | --last] -o FILE.jpg|png
        Writes one exact frame of a video as a picture (default: the first).
  join VIDEO... -o OUT.mp4 [--size WxH] [--fps N]
        Joins clips into one MP4 (H.264, AAC): copied when every clip matches, otherwise scaled,
        padded and re-encoded to one size and frame rate (default: the first clip&apos;s).
</source>
        <translation>
媒体命令(不调用平台,不计费):
  frame VIDEO [--at SECONDS | --first | --last] -o FILE.jpg|png
        把视频中精确的一帧写成图片(默认:第一帧)。
  join VIDEO... -o OUT.mp4 [--size WxH] [--fps N]
        把多个片段拼接成一个 MP4(H.264、AAC):所有片段一致时直接复制,否则缩放、
        加边并重新编码为同一尺寸和帧率(默认:第一个片段的)。
</translation>
    </message>
    <message>
        <source>usage: yuanjing frame VIDEO [--at SECONDS | --first | --last] -o FILE.jpg|png</source>
        <translation>用法:yuanjing frame VIDEO [--at SECONDS | --first | --last] -o FILE.jpg|png</translation>
    </message>
    <message>
        <source>the frame is written as .jpg or .png, not “%1”</source>
        <translation>帧只能写成 .jpg 或 .png,而不是“%1”</translation>
    </message>
    <message>
        <source>give one of --at, --first and --last</source>
        <translation>--at、--first 和 --last 只能给一个</translation>
    </message>
    <message>
        <source>--at takes a time in seconds, such as 2.5</source>
        <translation>--at 需要以秒为单位的时间,例如 2.5</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>无法写入“%1”:%2</translation>
    </message>
    <message>
        <source>usage: yuanjing join VIDEO... -o OUT.mp4 [--size WxH] [--fps N]</source>
        <translation>用法:yuanjing join VIDEO... -o OUT.mp4 [--size WxH] [--fps N]</translation>
    </message>
    <message>
        <source>--size takes WIDTHxHEIGHT, such as 1280x720 (not “%1”)</source>
        <translation>--size 需要 宽x高,例如 1280x720(而不是“%1”)</translation>
    </message>
    <message>
        <source>--fps takes a frame rate from 1 to 120 (not “%1”)</source>
        <translation>--fps 需要 1 到 120 之间的帧率(而不是“%1”)</translation>
    </message>
    <message>
        <source>  storyboard run BOARD.json [--concurrency N] [--max-credits C] [-o FILM.mp4]
        Makes a storyboard&apos;s shots (docs/STORYBOARD.md): a shot with &quot;continue&quot;: true starts on the
        previous shot&apos;s last frame. Running it again sends no shot twice. Then joins the shots into one
        film (default: BOARD.mp4 beside the board).
</source>
        <translation>  storyboard run BOARD.json [--concurrency N] [--max-credits C] [-o FILM.mp4]
        生成分镜脚本中的镜头(docs/STORYBOARD.md):带 &quot;continue&quot;: true 的镜头从上一个镜头的
        最后一帧开始。再次运行不会重复发送任何镜头。然后把各镜头拼接成一部影片
        (默认:分镜文件旁的 BOARD.mp4)。
</translation>
    </message>
    <message>
        <source>usage: yuanjing storyboard run BOARD.json [--concurrency N] [--max-credits C] [-o FILM.mp4]</source>
        <translation>用法:yuanjing storyboard run BOARD.json [--concurrency N] [--max-credits C] [-o FILM.mp4]</translation>
    </message>
    <message>
        <source>cannot read the storyboard “%1”</source>
        <translation>无法读取分镜文件“%1”</translation>
    </message>
    <message>
        <source>%1: not a storyboard (a JSON object with a list of &quot;shots&quot;; see docs/STORYBOARD.md)</source>
        <translation>%1:不是分镜文件(应为带有 &quot;shots&quot; 列表的 JSON 对象;见 docs/STORYBOARD.md)</translation>
    </message>
    <message>
        <source>%1 shot %2: unknown or disabled llmid</source>
        <translation>%1 第 %2 个镜头:llmid 未知或未启用</translation>
    </message>
    <message>
        <source>%1 shot %2: %3</source>
        <translation>%1 第 %2 个镜头:%3</translation>
    </message>
    <message>
        <source>%1 shot 1: the first shot has no previous shot to continue from</source>
        <translation>%1 第 1 个镜头:第一个镜头之前没有可接续的镜头</translation>
    </message>
    <message>
        <source>%1 shot %2: %3 has no first-frame field to continue into</source>
        <translation>%1 第 %2 个镜头:%3 没有可接续的首帧字段</translation>
    </message>
    <message>
        <source>%1 shot %2: “continue” fills %3 with the previous shot&apos;s last frame; do not give it too</source>
        <translation>%1 第 %2 个镜头:“continue”会用上一个镜头的最后一帧填入 %3,请不要再另外提供</translation>
    </message>
    <message>
        <source>shot %1: already sent (task %2)</source>
        <translation>第 %1 个镜头:已发送过(任务 %2)</translation>
    </message>
    <message>
        <source>shot %1: %2</source>
        <translation>第 %1 个镜头:%2</translation>
    </message>
    <message>
        <source>not made</source>
        <translation>未生成</translation>
    </message>
    <message>
        <source>storyboard: %1 submitted, %2 of %3 shots made, %4 failed, %5 held back behind a failed shot, %6 uncertain; %7 credits</source>
        <translation>分镜:已提交 %1 个,%3 个镜头中已生成 %2 个,失败 %4 个,因前一镜头失败而暂缓 %5 个,不确定 %6 个;%7 积分</translation>
    </message>
    <message>
        <source>the film was not joined: not every shot was made</source>
        <translation>影片未拼接:并非所有镜头都已生成</translation>
    </message>
    <message>
        <source>joining %1 shots into %2</source>
        <translation>正在把 %1 个镜头拼接为 %2</translation>
    </message>
    <message>
        <source>shot %1: submitting</source>
        <translation>第 %1 个镜头:正在提交</translation>
    </message>
    <message>
        <source>Usage: yuanjing [--demo] [--base-url URL] [--json] COMMAND [options]

Commands:
  chat [-m MODEL] [-s SYSTEM] [--no-stream] [--reasoning] [--usage] PROMPT
        Ask a model; the answer is written to stdout as it arrives (the prompt may come on stdin).
        --reasoning writes the model&apos;s thinking to stderr; --usage the tokens used, at the end.
  models [--video]
        Chat models from the platform, or video models with their fields, types, choices and defaults.
  video --llmid ID --set KEY=VALUE... [--image FIELD=PATH_OR_URL...] [--wait] [--dry-run]
        Submit a video task, checked against the model&apos;s schema first; prints the task id. With
        --wait, follows it and downloads the result, printing the file&apos;s path. With --dry-run,
        prints the body that would be sent (pictures summarized) and the expected cost, and sends nothing.
  compare --llmid A --llmid B [--llmid C] [--llmid D] [--ratio R] [--resolution P] [--duration S]
          --set prompt=... [--set negative_prompt=...] [--set seed=N] [--image ROLE=PATH_OR_URL...]
          [--wait] [--dry-run]
        One prompt and one set of settings to 2-4 models of the same mode, each its own task; each model
        gets the nearest values it allows (said on stderr). ROLE: first_frame, last_frame, reference.
        One model refusing does not stop the others. With --wait, follows them all to their files.
  task ID            One task from the store (local id or the platform&apos;s task id).
  tasks [--status S] The tasks in the store (S: submitting, queued, running, succeeded, failed,
                     rejected, unknown).
  batch FILE.jsonl [--concurrency N] [--max-credits C]
        One video job a line: {&quot;llmid&quot;: ..., &quot;set&quot;: {...}, &quot;images&quot;: {...}}. At most N tasks run at
        once (default 2); no new job starts once C credits are spent. Running it again skips the jobs
        already submitted. A summary at the end.

Options: --json (machine-readable output), --demo (the built-in simulator), --base-url URL,
--help, --version. Environment: YUANJING_API_KEY, YUANJING_BASE_URL. The settings, key, task store
and library folder are the app&apos;s.

Exit codes: 0 ok, 1 other failure, 2 usage error, 3 key missing or rejected, 4 balance too low,
5 bad request (a field or value), 6 network or platform trouble, 7 a video task failed.
</source>
        <translation>用法:yuanjing [--demo] [--base-url URL] [--json] 命令 [选项]

命令:
  chat [-m 模型] [-s 系统提示词] [--no-stream] [--reasoning] [--usage] 提示词
        向模型提问;回答一边生成一边写到标准输出(提示词也可以从标准输入给出)。
        --reasoning 把模型的思考过程写到标准错误;--usage 在结束时给出 tokens 用量。
  models [--video]
        列出平台上的对话模型,或列出视频模型及其字段、类型、可选值和默认值。
  video --llmid 模型ID --set 字段=值... [--image 字段=路径或链接...] [--wait] [--dry-run]
        提交视频任务(先按模型描述检查);输出任务 ID。加 --wait 时跟踪任务并下载结果,
        输出文件路径。加 --dry-run 时只输出将要发送的请求体(图片以摘要代替)和预计费用,不发送任何请求。
  compare --llmid A --llmid B [--llmid C] [--llmid D] [--ratio R] [--resolution P] [--duration S]
          --set prompt=... [--set negative_prompt=...] [--set seed=N] [--image 角色=路径或链接...]
          [--wait] [--dry-run]
        把同一提示词和同一组设置发给同一模式的 2 到 4 个模型,每个模型各是一个任务;每个模型取它允许的
        最接近的值(在标准错误中说明)。角色:first_frame、last_frame、reference。
        一个模型被拒不影响其他模型。加 --wait 时跟踪全部任务直到文件下载完成。
  task ID            显示任务库中的一个任务(本地 ID 或平台任务 ID)。
  tasks [--status S] 列出任务库中的任务(S:submitting、queued、running、succeeded、failed、
                     rejected、unknown)。
  batch 文件.jsonl [--concurrency N] [--max-credits C]
        每行一个视频任务:{&quot;llmid&quot;: ..., &quot;set&quot;: {...}, &quot;images&quot;: {...}}。最多同时运行 N 个任务
        (默认 2);花费达到 C 积分后不再开始新任务。再次运行会跳过已提交的任务。结束时给出汇总。

选项:--json(机器可读的输出)、--demo(内置模拟器)、--base-url URL、--help、--version。
环境变量:YUANJING_API_KEY、YUANJING_BASE_URL。设置、密钥、任务库和作品库文件夹都与应用共用。

退出码:0 成功,1 其他失败,2 用法错误,3 密钥缺失或被拒,4 余额不足,
5 请求有误(字段或取值),6 网络或平台问题,7 视频任务失败。
</translation>
    </message>
    <message>
        <source>Would send to /llmage/video (%1 bytes; nothing was sent):</source>
        <translation>将发送到 /llmage/video(%1 字节;未发送任何请求):</translation>
    </message>
    <message>
        <source>Expected cost: %1</source>
        <translation>预计费用:%1</translation>
    </message>
    <message>
        <source>compare needs 2 to 4 --llmid (see yuanjing models --video)</source>
        <translation>compare 需要 2 到 4 个 --llmid(见 yuanjing models --video)</translation>
    </message>
    <message>
        <source>%1 is %2 but %3 is %4: compare models of one mode</source>
        <translation>%1 是%2,而 %3 是%4:请比较同一模式的模型</translation>
    </message>
    <message>
        <source>--ratio “%1” is not W:H (such as 16:9) nor a ratio any of these models allows</source>
        <translation>--ratio“%1”既不是 宽:高(如 16:9),也不是这些模型中任何一个允许的比例</translation>
    </message>
    <message>
        <source>--resolution “%1” is not a resolution such as 720p</source>
        <translation>--resolution“%1”不是分辨率(如 720p)</translation>
    </message>
    <message>
        <source>--duration “%1” is not a number of seconds</source>
        <translation>--duration“%1”不是秒数</translation>
    </message>
    <message>
        <source>compare sets prompt, negative_prompt and seed (the rest: --ratio, --resolution, --duration); not “%1”</source>
        <translation>compare 只能用 --set 设置 prompt、negative_prompt 和 seed(其余用 --ratio、--resolution、--duration);不能设置“%1”</translation>
    </message>
    <message>
        <source>compare needs --set prompt=...</source>
        <translation>compare 需要 --set prompt=...</translation>
    </message>
    <message>
        <source>--image takes ROLE=PATH_OR_URL with ROLE first_frame, last_frame or reference; not “%1”</source>
        <translation>--image 的格式是 角色=路径或链接,角色为 first_frame、last_frame 或 reference;不是“%1”</translation>
    </message>
    <message>
        <source>expected cost %1</source>
        <translation>预计费用 %1</translation>
    </message>
    <message>
        <source>(%1 credits)</source>
        <translation>(%1 积分)</translation>
    </message>
    <message>
        <source>%1: submitting</source>
        <translation>%1:正在提交</translation>
    </message>
    <message>
        <source>
Prompt help (a chat model writes the shot; nothing is generated):
  prompt improve --llmid ID [--chat-model M] [--variant improve|detail|shorter|en|zh] TEXT
        Rewrites a video prompt for the video model ID; the new prompt goes to stdout.
  storyboard plan --llmid ID --shots N [--chat-model M] STORY [-o BOARD.json]
        Splits a story into N shots (1-12) for the video model ID, checked against its schema, and
        writes a board file for `yuanjing storyboard run` (to stdout without -o).
  The chat model is M, else the setting chat/promptHelperModel, else the chat&apos;s last model.
</source>
        <translation>
提示词助手(由对话模型撰写镜头;不会生成视频):
  prompt improve --llmid ID [--chat-model M] [--variant improve|detail|shorter|en|zh] TEXT
        为视频模型 ID 改写视频提示词;新的提示词输出到 stdout。
  storyboard plan --llmid ID --shots N [--chat-model M] STORY [-o BOARD.json]
        把故事拆成 N 个镜头(1-12),适配视频模型 ID 并按其 schema 检查,
        写出供 `yuanjing storyboard run` 使用的分镜文件(不带 -o 时输出到 stdout)。
  对话模型为 M;未指定时用设置 chat/promptHelperModel;再没有则用对话上次使用的模型。
</translation>
    </message>
    <message>
        <source>unknown video model “%1” (see yuanjing models --video)</source>
        <translation>未知的视频模型“%1”(见 yuanjing models --video)</translation>
    </message>
    <message>
        <source>unknown --variant “%1” (improve, detail, shorter, en or zh)</source>
        <translation>未知的 --variant“%1”(可选 improve、detail、shorter、en 或 zh)</translation>
    </message>
    <message>
        <source>the model returned an empty answer; your prompt is unchanged</source>
        <translation>模型返回了空回答;你的提示词未改动</translation>
    </message>
    <message>
        <source>--shots must be a number from 1 to %1</source>
        <translation>--shots 必须是 1 到 %1 之间的数字</translation>
    </message>
    <message>
        <source>no story: give it as an argument or on stdin</source>
        <translation>没有故事:请作为参数或通过 stdin 提供</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>注意:%1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n shot(s) planned; review it, then run it with yuanjing storyboard run.</source>
        <translation>
            <numerusform>%1:已规划 %n 个镜头;请先检查,再用 yuanjing storyboard run 运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>  storyboard list | storyboard export ID [-o BOARD.json] | storyboard import BOARD.json
        The app&apos;s storyboards; writes one as a board file (to standard output without -o), or adds
        a board file to the app&apos;s Storyboard tab.
</source>
        <translation>  storyboard list | storyboard export ID [-o BOARD.json] | storyboard import BOARD.json
        应用中的分镜;把一个分镜写成分镜文件(不带 -o 时写到标准输出),或把分镜文件
        加入应用的“分镜”标签页。
</translation>
    </message>
    <message>
        <source>usage: yuanjing storyboard import BOARD.json (cannot read “%1”)</source>
        <translation>用法:yuanjing storyboard import BOARD.json(无法读取“%1”)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>the board could not be saved in the database</source>
        <translation>无法把分镜保存到数据库</translation>
    </message>
    <message>
        <source>usage: yuanjing storyboard export ID [-o BOARD.json] (ids: yuanjing storyboard list)</source>
        <translation>用法:yuanjing storyboard export ID [-o BOARD.json](编号见 yuanjing storyboard list)</translation>
    </message>
    <message>
        <source>no storyboard %1 (see yuanjing storyboard list)</source>
        <translation>没有编号为 %1 的分镜(见 yuanjing storyboard list)</translation>
    </message>
    <message>
        <source>cannot write “%1”: %2</source>
        <translation>无法写入“%1”:%2</translation>
    </message>
</context>
<context>
    <name>CompareTile</name>
    <message>
        <source>☆ Favourite</source>
        <translation>☆ 收藏</translation>
    </message>
    <message>
        <source>Use these settings</source>
        <translation>使用这些设置</translation>
    </message>
    <message>
        <source>Open the Video Studio with this model and the settings sent</source>
        <translation>用此模型和已发送的设置打开视频工作室</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>设置:%1</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送:%1</translation>
    </message>
    <message numerus="yes">
        <source>took %n s</source>
        <translation>
            <numerusform>用时 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 credits</source>
        <translation>%1 积分</translation>
    </message>
    <message>
        <source>%1 credits (expected: %2)</source>
        <translation>%1 积分(预计:%2)</translation>
    </message>
    <message>
        <source>Expected cost: %1</source>
        <translation>预计费用:%1</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ 已收藏</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare models</source>
        <translation>比较模型</translation>
    </message>
    <message>
        <source>Models to compare</source>
        <translation>要比较的模型</translation>
    </message>
    <message>
        <source>One prompt for every model</source>
        <translation>所有模型共用一个提示词</translation>
    </message>
    <message>
        <source>Each model&apos;s default</source>
        <translation>各模型的默认值</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Models (2 to 4):</source>
        <translation>模型(2 到 4 个):</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>提示词:</translation>
    </message>
    <message>
        <source>Ratio:</source>
        <translation>比例:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>分辨率:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>时长:</translation>
    </message>
    <message>
        <source>Play all</source>
        <translation>全部播放</translation>
    </message>
    <message>
        <source>Pause all</source>
        <translation>全部暂停</translation>
    </message>
    <message>
        <source>Position of every video</source>
        <translation>所有视频的播放位置</translation>
    </message>
    <message>
        <source>Variations</source>
        <translation>多版本</translation>
    </message>
    <message numerus="yes">
        <source>%n take(s) of %1, each with its own seed.</source>
        <translation>
            <numerusform>%1 的 %n 个版本,每个使用不同的种子。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n take(s) of %1 with the same settings (this model has no seed to vary).</source>
        <translation>
            <numerusform>%1 的 %n 个版本,设置相同(此模型没有可变的种子)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generate %n video(s) · %1</source>
        <translation>
            <numerusform>生成 %n 个视频 · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Each model gets its own task (each may be billed).</source>
        <translation>每个模型各是一个任务(每个都可能计费)。</translation>
    </message>
    <message>
        <source>Choose 2 to 4 models.</source>
        <translation>请选择 2 到 4 个模型。</translation>
    </message>
    <message>
        <source>Expensive videos</source>
        <translation>费用较高的视频</translation>
    </message>
    <message>
        <source>These %1 videos are expected to cost about %2 credits, more than the %3 credits you asked to be warned about. Send them?</source>
        <translation>这 %1 个视频预计共花费约 %2 积分,超过了你设定的提醒阈值 %3 积分。要发送吗?</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>未发送。</translation>
    </message>
</context>
<context>
    <name>ComparisonRunner</name>
    <message>
        <source>%1: this model takes no such picture (not sent)</source>
        <translation>%1:此模型不接受这种图片(不发送)</translation>
    </message>
    <message>
        <source>This model is not enabled on the platform (%1).</source>
        <translation>此模型在平台上尚未开通(%1)。</translation>
    </message>
    <message>
        <source>No clear answer (%1): kept as unknown; check on the platform before sending again.</source>
        <translation>没有明确答复(%1):已记为“未知”;再次发送前请先在平台上查看。</translation>
    </message>
    <message>
        <source>Another video is being submitted; try again.</source>
        <translation>另一个视频正在提交;请稍后再试。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Type a message. Enter sends, Shift+Enter starts a new line.</source>
        <translation>输入消息。Enter 发送,Shift+Enter 换行。</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
</context>
<context>
    <name>ConversationExporter</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考过程</translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>ConversationStore</name>
    <message>
        <source>the database is not open</source>
        <translation>数据库未打开</translation>
    </message>
</context>
<context>
    <name>CostEstimator</name>
    <message numerus="yes">
        <source>≈ %1 credits (median of %n run(s))</source>
        <translation>
            <numerusform>≈ %1 积分(%n 次运行的中位数)</numerusform>
        </translation>
    </message>
    <message>
        <source>cost unknown</source>
        <translation>费用未知</translation>
    </message>
    <message>
        <source>≈ %1 credits</source>
        <translation>≈ %1 积分</translation>
    </message>
    <message>
        <source>priced by the platform</source>
        <translation>按平台价格计费</translation>
    </message>
    <message numerus="yes">
        <source>≈ %1 credits + %n not known in credits</source>
        <translation>
            <numerusform>≈ %1 积分 + %n 项未知积分</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoverDelegate</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message>
        <source>No API key is stored.</source>
        <translation>未保存 API 密钥。</translation>
    </message>
    <message>
        <source>The API key is kept in the system keychain.</source>
        <translation>API 密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>No system keychain is available: the API key is kept in %1, readable only by you.</source>
        <translation>系统钥匙串不可用:API 密钥保存在 %1 中,仅你本人可读。</translation>
    </message>
    <message>
        <source>The API key comes from YUANJING_API_KEY for this run and is not stored.</source>
        <translation>本次运行的 API 密钥来自 YUANJING_API_KEY,不会被保存。</translation>
    </message>
</context>
<context>
    <name>ImagePreparer</name>
    <message>
        <source>This is not a picture the app can read (%1).</source>
        <translation>这不是本应用能读取的图片(%1)。</translation>
    </message>
    <message>
        <source>The picture cannot be read: %1</source>
        <translation>无法读取图片:%1</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>文件无法读取。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file is too large (%1 MB; at most %2 MB).</source>
        <translation>文件太大(%1 MB;最多 %2 MB)。</translation>
    </message>
    <message>
        <source>The picture is empty.</source>
        <translation>图片是空的。</translation>
    </message>
    <message>
        <source>The picture is too large.</source>
        <translation>图片太大。</translation>
    </message>
    <message>
        <source>Only http and https links to pictures can be used.</source>
        <translation>只能使用 http 或 https 图片链接。</translation>
    </message>
    <message>
        <source>The picture is too large to read (%1 × %2 pixels; at most about %3 megapixels).</source>
        <translation>图片太大,无法读取(%1 × %2 像素;最多约 %3 百万像素)。</translation>
    </message>
    <message>
        <source>The picture is damaged (a part of it claims more bytes than the file holds).</source>
        <translation>图片已损坏(其中一部分声称的字节数超过了文件本身)。</translation>
    </message>
</context>
<context>
    <name>ImageSlot</name>
    <message>
        <source>Drop a picture or a link here, paste one (Ctrl+V), or click to choose a file.</source>
        <translation>把图片或图片链接拖到这里、粘贴(Ctrl+V),或点击选择文件。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>清除%1</translation>
    </message>
    <message>
        <source>pasted picture</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>dropped picture</source>
        <translation>拖入的图片</translation>
    </message>
    <message>
        <source>The clipboard holds no picture and no link to one.</source>
        <translation>剪贴板里没有图片,也没有图片链接。</translation>
    </message>
    <message>
        <source>Choose a picture for %1</source>
        <translation>为“%1”选择图片</translation>
    </message>
    <message>
        <source>Pictures (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Drop a picture here, paste (Ctrl+V) or click to choose</source>
        <translation>拖入图片、粘贴(Ctrl+V)或点击选择</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>%1 × %2 px · %3</source>
        <translation>%1 × %2 像素 · %3</translation>
    </message>
    <message>
        <source>Sent as %1 × %2 px %3, %4</source>
        <translation>发送为 %1 × %2 像素 %3,%4</translation>
    </message>
    <message>
        <source>last frame of %1</source>
        <translation>%1 的最后一帧</translation>
    </message>
    <message>
        <source>frame of %1</source>
        <translation>%1 的一帧</translation>
    </message>
</context>
<context>
    <name>IntentMapper</name>
    <message>
        <source>%1: %2 asked, but this model has no such setting (not sent)</source>
        <translation>%1:要求 %2,但此模型没有这项设置(不发送)</translation>
    </message>
    <message>
        <source>%1: %2 asked, %3 sent as %4 (the nearest this model allows)</source>
        <translation>%1:要求 %2,以 %4 发送 %3(此模型允许的最接近值)</translation>
    </message>
</context>
<context>
    <name>LaunchOptions</name>
    <message>
        <source>The base URL given for this run is not used: %1</source>
        <translation>本次运行指定的平台地址未被采用:%1</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Submitting</source>
        <translation>提交中</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>生成中</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryTab</name>
    <message>
        <source>Search prompts</source>
        <translation>搜索提示词</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed or unknown</source>
        <translation>失败或未知</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All modes</source>
        <translation>全部模式</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Copy prompt</source>
        <translation>复制提示词</translation>
    </message>
    <message>
        <source>Run again…</source>
        <translation>再次生成…</translation>
    </message>
    <message>
        <source>Open the Video Studio with the same settings</source>
        <translation>用相同设置打开视频工作室</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>停止跟踪</translation>
    </message>
    <message>
        <source>Stop asking the platform about this task</source>
        <translation>不再向平台查询此任务</translation>
    </message>
    <message>
        <source>Download again</source>
        <translation>重新下载</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>全部模型</translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>提交于 %1</translation>
    </message>
    <message>
        <source>Task id:</source>
        <translation>任务 ID:</translation>
    </message>
    <message>
        <source>The platform&apos;s link</source>
        <translation>平台上的链接</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件:</translation>
    </message>
    <message>
        <source>Delete video</source>
        <translation>删除视频</translation>
    </message>
    <message>
        <source>Remove “%1” from the library?</source>
        <translation>从作品库中移除“%1”?</translation>
    </message>
    <message>
        <source>Also delete the downloaded file from disk</source>
        <translation>同时删除已下载到磁盘的文件</translation>
    </message>
    <message>
        <source>The video player could not be loaded, so videos cannot be played here. Open the file from its folder instead, or reinstall Yuanjing Studio.
%1</source>
        <translation>无法加载视频播放器,因此无法在此播放视频。请从文件所在文件夹打开,或重新安装元境 Studio。
%1</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>再次查询</translation>
    </message>
    <message>
        <source>Ask the platform about this task anew (and for fresh links to its result)</source>
        <translation>重新向平台查询此任务(并获取结果的新链接)</translation>
    </message>
    <message>
        <source>Enter task id…</source>
        <translation>输入任务 ID…</translation>
    </message>
    <message>
        <source>Give this task the platform task id you found on the platform, so the app can follow it</source>
        <translation>填入你在平台上找到的任务 ID,以便应用跟踪此任务</translation>
    </message>
    <message>
        <source>The platform keeps results about 24 hours; this one is probably gone, but Check again asks for it.</source>
        <translation>平台大约保留结果 24 小时;这个结果可能已不在,但“再次查询”会重新索取。</translation>
    </message>
    <message numerus="yes">
        <source>Not on disk yet. The platform keeps results about 24 hours: about %n hour(s) left to download it.</source>
        <translation>
            <numerusform>尚未保存到磁盘。平台大约保留结果 24 小时:还剩约 %n 小时可以下载。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not on disk yet. The platform keeps results about 24 hours: about %n minute(s) left to download it.</source>
        <translation>
            <numerusform>尚未保存到磁盘。平台大约保留结果 24 小时:还剩约 %n 分钟可以下载。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter task id</source>
        <translation>输入任务 ID</translation>
    </message>
    <message>
        <source>The platform&apos;s task id for “%1” (find it on the platform&apos;s task list):</source>
        <translation>“%1”在平台上的任务 ID(可在平台的任务列表中找到):</translation>
    </message>
    <message>
        <source>Only a task whose state is unknown can be given a task id.</source>
        <translation>只有状态未知的任务才能指定任务 ID。</translation>
    </message>
    <message>
        <source>Use this frame</source>
        <translation>使用这一帧</translation>
    </message>
    <message>
        <source>The frame at the player&apos;s position, for a new task in the Video Studio</source>
        <translation>播放器当前位置的这一帧,用于视频工作室中的新任务</translation>
    </message>
    <message>
        <source>As the first frame</source>
        <translation>作为首帧</translation>
    </message>
    <message>
        <source>As the last frame</source>
        <translation>作为尾帧</translation>
    </message>
    <message>
        <source>As a reference</source>
        <translation>作为参考图</translation>
    </message>
    <message>
        <source>Continue from the last frame</source>
        <translation>从最后一帧继续</translation>
    </message>
    <message>
        <source>Image-to-video starting on this video&apos;s last frame</source>
        <translation>以此视频的最后一帧开始图生视频</translation>
    </message>
    <message>
        <source>★ Favourites</source>
        <translation>★ 收藏</translation>
    </message>
    <message>
        <source>Show only the videos you starred</source>
        <translation>只显示你收藏的视频</translation>
    </message>
    <message>
        <source>☆ Favourite</source>
        <translation>☆ 收藏</translation>
    </message>
    <message>
        <source>Star this video (the ★ Favourites filter finds it)</source>
        <translation>收藏此视频(用“★ 收藏”筛选即可找到)</translation>
    </message>
    <message>
        <source>Side by side…</source>
        <translation>并排查看…</translation>
    </message>
    <message>
        <source>The videos made in the same comparison, side by side</source>
        <translation>并排查看同一次比较生成的视频</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ 已收藏</translation>
    </message>
    <message>
        <source>No videos yet. The ones you make appear here, downloaded as soon as they are ready.</source>
        <translation>还没有视频。你生成的视频会出现在这里,一完成就自动下载。</translation>
    </message>
    <message>
        <source>Open the Video Studio</source>
        <translation>打开视频工作室</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>%1 credits</source>
        <translation>%1 积分</translation>
    </message>
    <message>
        <source>Billed by the platform</source>
        <translation>由平台计费</translation>
    </message>
    <message>
        <source>%1, for %2</source>
        <translation>%1,%2</translation>
    </message>
    <message>
        <source> at </source>
        <translation> · </translation>
    </message>
    <message>
        <source>%1, at the off-peak price</source>
        <translation>%1,按闲时价格</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>the end of the usage sentence</comment>
        <translation>%1。</translation>
    </message>
    <message>
        <source>Select a video to play it here and see its details.</source>
        <translation>选择一个视频,在这里播放并查看详情。</translation>
    </message>
    <message>
        <source>Videos you submit in the Video Studio appear here and are downloaded to %1 as soon as they are ready.</source>
        <translation>在视频工作室提交的视频会出现在这里,生成完成后立即下载到 %1。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Yuanjing Studio</source>
        <translation>元境 Studio</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>&lt;b&gt;Insufficient balance.&lt;/b&gt; The platform refused a call because the balance is too low. &lt;a href=&quot;https://opencomputing.ai&quot;&gt;Top up on the platform&lt;/a&gt; (user menu → 充值), &lt;a href=&quot;account&quot;&gt;see the Account tab&lt;/a&gt;, or &lt;a href=&quot;dismiss&quot;&gt;dismiss&lt;/a&gt;.</source>
        <translation>&lt;b&gt;余额不足。&lt;/b&gt;平台因余额过低拒绝了调用。&lt;a href=&quot;https://opencomputing.ai&quot;&gt;在平台上充值&lt;/a&gt;(用户菜单 → 充值)、&lt;a href=&quot;account&quot;&gt;查看“账户”页&lt;/a&gt;,或&lt;a href=&quot;dismiss&quot;&gt;关闭提示&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The platform rejected the API key.&lt;/b&gt; &lt;a href=&quot;settings&quot;&gt;Open Settings&lt;/a&gt; to replace it, or &lt;a href=&quot;dismiss&quot;&gt;dismiss&lt;/a&gt;.</source>
        <translation>&lt;b&gt;平台拒绝了 API 密钥。&lt;/b&gt;&lt;a href=&quot;settings&quot;&gt;打开设置&lt;/a&gt;更换密钥,或&lt;a href=&quot;dismiss&quot;&gt;关闭提示&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open the platform website</source>
        <translation>打开平台网站</translation>
    </message>
    <message>
        <source>&amp;About Yuanjing Studio</source>
        <translation>关于元境 Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About Yuanjing Studio</source>
        <translation>关于元境 Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Yuanjing Studio %1&lt;/h3&gt;&lt;p&gt;A native desktop client for the 元境 platform: streamed chat and video generation.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://opencomputing.ai&quot;&gt;opencomputing.ai&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;元境 Studio %1&lt;/h3&gt;&lt;p&gt;元境平台的原生桌面客户端:流式对话与视频生成。&lt;/p&gt;&lt;p&gt;以 MIT 许可证发布。&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://opencomputing.ai&quot;&gt;opencomputing.ai&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Video Studio</source>
        <translation>视频工作室</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>作品库</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>The new language applies after a restart.</source>
        <translation>新语言将在重启后生效。</translation>
    </message>
    <message>
        <source>Video ready</source>
        <translation>视频已完成</translation>
    </message>
    <message>
        <source>Video failed</source>
        <translation>视频生成失败</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) in progress</source>
        <translation>
            <numerusform>%n 个视频进行中</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Show Yuanjing Studio</source>
        <translation>显示元境 Studio</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>在消息中换行</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Stop the answer (or leave full-screen video)</source>
        <translation>停止回答(或退出全屏视频)</translation>
    </message>
    <message>
        <source>Chat, Video Studio, Library, Account</source>
        <translation>对话、视频工作室、作品库、账户</translation>
    </message>
    <message>
        <source>Paste a picture into the selected slot</source>
        <translation>把图片粘贴到选中的图片位</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Play or pause the video</source>
        <translation>播放或暂停视频</translation>
    </message>
    <message>
        <source>Double-click the video</source>
        <translation>双击视频</translation>
    </message>
    <message>
        <source>Full-screen video</source>
        <translation>全屏播放视频</translation>
    </message>
    <message>
        <source>Full-screen window</source>
        <translation>窗口全屏</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Yuanjing Studio keeps running</source>
        <translation>元境 Studio 仍在运行</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) still in progress. The app tells you when they are ready.</source>
        <translation>
            <numerusform>还有 %n 个视频在生成。完成后会通知你。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tab / Shift+Tab, Enter</source>
        <translation>Tab / Shift+Tab,Enter</translation>
    </message>
    <message>
        <source>In the conversation: go from link to link (Copy, Edit, Regenerate…), follow one</source>
        <translation>对话中:在链接(复制、编辑、重新生成…)之间移动,打开所选链接</translation>
    </message>
    <message>
        <source>In the conversation: select everything, copy the selection</source>
        <translation>对话中:全选,复制所选内容</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>In the conversation: go to the first or the latest message</source>
        <translation>对话中:跳到第一条或最新一条消息</translation>
    </message>
    <message>
        <source>Storyboard</source>
        <translation>分镜</translation>
    </message>
</context>
<context>
    <name>MediaError</name>
    <message>
        <source>The media module (yuanjing-media) could not be loaded; the installation may be damaged. %1</source>
        <translation>无法加载媒体模块(yuanjing-media),安装可能已损坏。%1</translation>
    </message>
    <message>
        <source>“%1” does not exist or cannot be read.</source>
        <translation>“%1”不存在或无法读取。</translation>
    </message>
    <message>
        <source>“%1” is a picture, not a video.</source>
        <translation>“%1”是图片,不是视频。</translation>
    </message>
    <message>
        <source>“%1” has no video stream (sound only?).</source>
        <translation>“%1”没有视频流(只有声音?)。</translation>
    </message>
    <message>
        <source>“%1” is damaged or incomplete (a download cut short?) and cannot be read.</source>
        <translation>“%1”已损坏或不完整(下载中断?),无法读取。</translation>
    </message>
    <message>
        <source>The disk is full: “%1” could not be written. Nothing was left half-written.</source>
        <translation>磁盘已满:无法写入“%1”。没有留下写了一半的文件。</translation>
    </message>
    <message>
        <source>“%1” could not be written.</source>
        <translation>无法写入“%1”。</translation>
    </message>
    <message>
        <source>This system&apos;s FFmpeg lacks the H.264 or AAC encoder needed to write “%1”.</source>
        <translation>本系统的 FFmpeg 缺少写入“%1”所需的 H.264 或 AAC 编码器。</translation>
    </message>
    <message>
        <source>Cancelled; “%1” was not written.</source>
        <translation>已取消;未写入“%1”。</translation>
    </message>
    <message>
        <source>That position or setting does not fit “%1”.</source>
        <translation>该位置或设置不适用于“%1”。</translation>
    </message>
    <message>
        <source>The media engine failed on “%1”.</source>
        <translation>媒体引擎处理“%1”时出错。</translation>
    </message>
    <message>
        <source>(FFmpeg: %1)</source>
        <translation>(FFmpeg:%1)</translation>
    </message>
</context>
<context>
    <name>ModelCatalog</name>
    <message>
        <source>%1: cannot be read (%2).</source>
        <translation>%1:无法读取(%2)。</translation>
    </message>
    <message>
        <source>%1: larger than 1 MiB, not a schema.</source>
        <translation>%1:超过 1 MiB,不是模型描述文件。</translation>
    </message>
</context>
<context>
    <name>ModelSchema</name>
    <message>
        <source>%1 is required.</source>
        <translation>“%1”为必填项。</translation>
    </message>
    <message>
        <source>%1 is too long (%2 of at most %3 characters).</source>
        <translation>“%1”太长(%2 字,最多 %3 字)。</translation>
    </message>
    <message>
        <source>“%1” is not a choice for %2 (one of: %3).</source>
        <translation>“%1”不是“%2”的可选值(可选:%3)。</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>“%1”必须是整数。</translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation>“%1”必须是以下之一:%2。</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>“%1”必须在 %2 到 %3 之间。</translation>
    </message>
    <message>
        <source>%1 must be %2 or %3.</source>
        <translation>“%1”必须是 %2 或 %3。</translation>
    </message>
    <message>
        <source>Text to video</source>
        <translation>文生视频</translation>
    </message>
    <message>
        <source>Image to video (first and last frame)</source>
        <translation>图生视频(首尾帧)</translation>
    </message>
    <message>
        <source>Reference to video</source>
        <translation>参考生视频</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2 at byte %3).</source>
        <translation>%1:不是 JSON 对象(第 %3 字节处 %2)。</translation>
    </message>
    <message>
        <source>%1: unknown schema version (expected &quot;schema&quot;: 1).</source>
        <translation>%1:未知的描述版本(应为 &quot;schema&quot;: 1)。</translation>
    </message>
    <message>
        <source>%1: &quot;llmid&quot; is missing.</source>
        <translation>%1:缺少 &quot;llmid&quot;。</translation>
    </message>
    <message>
        <source>%1: &quot;mode&quot; must be t2v, i2v or r2v.</source>
        <translation>%1:&quot;mode&quot; 必须是 t2v、i2v 或 r2v。</translation>
    </message>
    <message>
        <source>%1: &quot;vendor&quot;, &quot;model&quot; and &quot;label&quot; are required.</source>
        <translation>%1:&quot;vendor&quot;、&quot;model&quot; 和 &quot;label&quot; 为必填。</translation>
    </message>
    <message>
        <source>%1: &quot;fields&quot; must be a non-empty list.</source>
        <translation>%1:&quot;fields&quot; 必须是非空列表。</translation>
    </message>
    <message>
        <source>%1: every field needs a &quot;key&quot; (and &quot;llmid&quot; is not one).</source>
        <translation>%1:每个字段都需要 &quot;key&quot;(且不能是 &quot;llmid&quot;)。</translation>
    </message>
    <message>
        <source>%1: the key appears twice.</source>
        <translation>%1:该字段名出现了两次。</translation>
    </message>
    <message>
        <source>%1: unknown type &quot;%2&quot; (text, longtext, choice, integer, switch or image).</source>
        <translation>%1:未知类型 &quot;%2&quot;(可用 text、longtext、choice、integer、switch 或 image)。</translation>
    </message>
    <message>
        <source>%1: a &quot;label&quot; is required.</source>
        <translation>%1:需要 &quot;label&quot;。</translation>
    </message>
    <message>
        <source>%1: a choice needs &quot;choices&quot;.</source>
        <translation>%1:选项字段需要 &quot;choices&quot;。</translation>
    </message>
    <message>
        <source>%1: an integer needs &quot;min&quot; and &quot;max&quot; or &quot;choices&quot;.</source>
        <translation>%1:整数字段需要 &quot;min&quot; 和 &quot;max&quot;,或 &quot;choices&quot;。</translation>
    </message>
    <message>
        <source>%1: &quot;min&quot; is larger than &quot;max&quot;.</source>
        <translation>%1:&quot;min&quot; 大于 &quot;max&quot;。</translation>
    </message>
    <message>
        <source>%1: an image field cannot have a default.</source>
        <translation>%1:图片字段不能有默认值。</translation>
    </message>
    <message>
        <source>%1: the default does not fit: %2</source>
        <translation>%1:默认值不符合要求:%2</translation>
    </message>
    <message>
        <source>%1: every model needs a &quot;prompt&quot; field.</source>
        <translation>%1:每个模型都需要 &quot;prompt&quot; 字段。</translation>
    </message>
    <message>
        <source>%1: &quot;task_max_age_hours&quot; must be 1 to 720.</source>
        <translation>%1:&quot;task_max_age_hours&quot; 必须在 1 到 720 之间。</translation>
    </message>
    <message>
        <source>%1: the key “%2” may only hold letters, digits and “_” (at most %3): keys become file names and request fields.</source>
        <translation>%1:键“%2”只能包含字母、数字和“_”(最多 %3 个字符):键会成为文件名和请求字段。</translation>
    </message>
    <message>
        <source>%1: unknown role &quot;%2&quot; (one of: %3).</source>
        <translation>%1:未知的 role &quot;%2&quot;(可选:%3)。</translation>
    </message>
    <message>
        <source>%1: a %2 field cannot have the role &quot;%3&quot;.</source>
        <translation>%1:%2 类型的字段不能有 role &quot;%3&quot;。</translation>
    </message>
    <message>
        <source>%1: the role &quot;%2&quot; appears twice.</source>
        <translation>%1:role &quot;%2&quot; 出现了两次。</translation>
    </message>
    <message>
        <source>%1: a size must be written width*height (not “%2”).</source>
        <translation>%1:尺寸必须写成 宽*高(而不是“%2”)。</translation>
    </message>
    <message>
        <source>%1: &quot;prompt_guide&quot; must be a text or {&quot;zh_CN&quot;: …, &quot;en&quot;: …}.</source>
        <translation>%1:&quot;prompt_guide&quot; 必须是文本或 {&quot;zh_CN&quot;: …, &quot;en&quot;: …}。</translation>
    </message>
    <message>
        <source>Film joined from a storyboard</source>
        <translation>由分镜合成的影片</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放/暂停(空格)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Full screen (double-click the video; Esc leaves)</source>
        <translation>全屏(双击视频;按 Esc 退出)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cannot play this video: %1</source>
        <translation>无法播放此视频:%1</translation>
    </message>
    <message>
        <source>A codec is missing. On Debian or Ubuntu install: sudo apt install gstreamer1.0-plugins-good gstreamer1.0-libav</source>
        <translation>缺少解码器。在 Debian 或 Ubuntu 上请安装:sudo apt install gstreamer1.0-plugins-good gstreamer1.0-libav</translation>
    </message>
</context>
<context>
    <name>PromptHelper</name>
    <message>
        <source>Improve prompt</source>
        <translation>优化提示词</translation>
    </message>
    <message>
        <source>A chat model rewrites the prompt for this video model; you see it first.</source>
        <translation>由对话模型为当前视频模型改写提示词;你会先看到结果。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Bring back the prompt as it was before the suggestion was accepted.</source>
        <translation>恢复采用建议之前的提示词。</translation>
    </message>
    <message>
        <source>Original prompt</source>
        <translation>原提示词</translation>
    </message>
    <message>
        <source>Suggested prompt</source>
        <translation>建议的提示词</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Suggestion (you can edit it)</source>
        <translation>建议(可以编辑)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Use suggestion</source>
        <translation>采用建议</translation>
    </message>
    <message>
        <source>Keep original</source>
        <translation>保留原文</translation>
    </message>
    <message>
        <source>%1 tokens (%2 in, %3 out)</source>
        <translation>%1 个 token(输入 %2,输出 %3)</translation>
    </message>
    <message>
        <source>Edit the suggestion if you like, then use it or keep the original.</source>
        <translation>可以先编辑建议,再选择采用或保留原文。</translation>
    </message>
    <message>
        <source>Write a prompt first; the chat model improves what you wrote.</source>
        <translation>请先写提示词;对话模型会在你写的基础上优化。</translation>
    </message>
    <message>
        <source>The prompt could not be sent (the database is not open).</source>
        <translation>无法发送提示词(数据库未打开)。</translation>
    </message>
    <message>
        <source>%1 with %2…</source>
        <translation>正在用 %2 %1…</translation>
    </message>
    <message>
        <source>The suggestion is your prompt now; Undo brings the original back.</source>
        <translation>建议已成为你的提示词;撤销可恢复原文。</translation>
    </message>
    <message>
        <source>The original prompt is back.</source>
        <translation>已恢复原提示词。</translation>
    </message>
</context>
<context>
    <name>PromptImprover</name>
    <message>
        <source>Stopped. Your prompt is unchanged.</source>
        <translation>已停止。你的提示词未改动。</translation>
    </message>
    <message>
        <source>The prompt could not be improved: %1 Your prompt is unchanged.</source>
        <translation>无法优化提示词:%1 你的提示词未改动。</translation>
    </message>
    <message>
        <source>the model returned an empty answer.</source>
        <translation>模型返回了空回答。</translation>
    </message>
    <message>
        <source>Improve</source>
        <translation>优化</translation>
    </message>
    <message>
        <source>More detail</source>
        <translation>更多细节</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>更简短</translation>
    </message>
    <message>
        <source>Translate to English</source>
        <translation>翻译成英文</translation>
    </message>
    <message>
        <source>Translate to Chinese (中文)</source>
        <translation>翻译成中文</translation>
    </message>
</context>
<context>
    <name>RecentStrip</name>
    <message>
        <source>Recent videos</source>
        <translation>最近的视频</translation>
    </message>
    <message>
        <source>Close the player</source>
        <translation>关闭播放器</translation>
    </message>
    <message>
        <source>Your videos appear here as they are made: write a prompt, then Generate.</source>
        <translation>你生成的视频会随时出现在这里:写好提示词,然后点“生成视频”。</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Use these settings</source>
        <translation>使用这些设置</translation>
    </message>
</context>
<context>
    <name>RequestBuilder</name>
    <message>
        <source>%1 is required.</source>
        <translation>“%1”为必填项。</translation>
    </message>
    <message>
        <source>The request would be %1 KiB, above the limit of %2 KiB, even with the pictures made small. Use fewer pictures or links to them, or raise the limit in Settings.</source>
        <translation>即使把图片缩小,请求仍有 %1 KiB,超过 %2 KiB 的上限。请减少图片、改用图片链接,或在“设置”中调高上限。</translation>
    </message>
</context>
<context>
    <name>ResultDownloader</name>
    <message>
        <source>The platform gave a link the app does not follow: %1</source>
        <translation>平台给出的链接本应用不会访问:%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message>
        <source>The platform sent a web page instead of the file.</source>
        <translation>平台返回的是网页,而不是文件。</translation>
    </message>
    <message>
        <source>Cannot write %1 (is the disk full?): %2</source>
        <translation>无法写入 %1(磁盘满了吗?):%2</translation>
    </message>
    <message>
        <source>The platform no longer has this file (HTTP %1). Its link: %2</source>
        <translation>平台上已没有这个文件(HTTP %1)。链接:%2</translation>
    </message>
    <message>
        <source>Download interrupted (%1); it will resume.</source>
        <translation>下载中断(%1);稍后会继续。</translation>
    </message>
    <message>
        <source>Cannot move the finished file to %1.</source>
        <translation>无法把下载完成的文件移动到 %1。</translation>
    </message>
    <message>
        <source>The download arrived incomplete; it will be fetched again.</source>
        <translation>下载的文件不完整;将重新下载。</translation>
    </message>
    <message>
        <source>The platform no longer has this result, even under a fresh link. Check on the platform.</source>
        <translation>即使使用新链接,平台也已没有这个结果。请在平台上查看。</translation>
    </message>
    <message>
        <source>Another program is writing %1; trying again later.</source>
        <translation>另一个程序正在写入 %1;稍后重试。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>Platform address:</source>
        <translation>平台地址:</translation>
    </message>
    <message>
        <source>Demo mode is on: this run talks to the built-in simulator.</source>
        <translation>演示模式已开启:本次运行连接内置模拟器。</translation>
    </message>
    <message>
        <source>This run uses an address given on the command line or in YUANJING_BASE_URL.</source>
        <translation>本次运行使用命令行或 YUANJING_BASE_URL 指定的地址。</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>移除密钥</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言:</translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation>下载文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Download folder:</source>
        <translation>下载文件夹:</translation>
    </message>
    <message>
        <source>How many earlier exchanges are sent with each question as context.</source>
        <translation>每次提问时作为上下文一并发送的历史问答轮数。</translation>
    </message>
    <message>
        <source>Chat context (exchanges):</source>
        <translation>对话上下文(轮):</translation>
    </message>
    <message>
        <source>Show answers as they are written (streaming)</source>
        <translation>边生成边显示回答(流式)</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Video requests with images are kept under this size; the platform may refuse larger ones.</source>
        <translation>带图片的视频请求会控制在此大小以内;平台可能拒绝更大的请求。</translation>
    </message>
    <message>
        <source>Video request size limit:</source>
        <translation>视频请求大小上限:</translation>
    </message>
    <message>
        <source>Remove API key</source>
        <translation>移除 API 密钥</translation>
    </message>
    <message>
        <source>Remove the stored API key from this computer?</source>
        <translation>从这台电脑上移除已保存的 API 密钥?</translation>
    </message>
    <message>
        <source>Stored: %1 (type a new key to replace it)</source>
        <translation>已保存:%1(输入新密钥即可替换)</translation>
    </message>
    <message>
        <source>Paste your API key</source>
        <translation>粘贴你的 API 密钥</translation>
    </message>
    <message>
        <source>Keep running in the tray while videos are in progress</source>
        <translation>有视频在生成时,关闭窗口后留在系统托盘中继续运行</translation>
    </message>
    <message>
        <source>Closing the window then hides it; the app follows and downloads your videos and tells you when they are ready.</source>
        <translation>关闭窗口时只是隐藏;应用会继续跟踪并下载视频,完成后通知你。</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>外观:</translation>
    </message>
    <message>
        <source> credits</source>
        <translation> 积分</translation>
    </message>
    <message>
        <source>Never ask</source>
        <translation>从不询问</translation>
    </message>
    <message>
        <source>Before sending a video expected to cost more than this, the app asks (0: never).</source>
        <translation>发送预计费用超过此值的视频前,应用会先询问(0:从不询问)。</translation>
    </message>
    <message>
        <source>Ask before videos costing over:</source>
        <translation>视频费用超过此值时先询问:</translation>
    </message>
    <message>
        <source>The chat model that improves video prompts and plans storyboards; empty: the chat&apos;s model.</source>
        <translation>用于优化视频提示词和规划分镜的对话模型;留空则使用对话所用的模型。</translation>
    </message>
    <message>
        <source>Prompt help model:</source>
        <translation>提示词助手模型:</translation>
    </message>
</context>
<context>
    <name>ShotDelegate</name>
    <message>
        <source>no take</source>
        <translation>尚无成片</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(无提示词)</translation>
    </message>
    <message>
        <source>↪ continues shot %1 · %2</source>
        <translation>↪ 接续第 %1 镜 · %2</translation>
    </message>
</context>
<context>
    <name>ShotListReader</name>
    <message>
        <source>Shot %1: %2 has no field “%3”; it was left out.</source>
        <translation>镜头 %1:%2 没有字段“%3”,已略去。</translation>
    </message>
    <message>
        <source>Shot %1: pictures are not taken from the answer (%2 was left out).</source>
        <translation>镜头 %1:不从回答中读取图片(已略去%2)。</translation>
    </message>
    <message>
        <source>Shot %1: %2 was cut to %3 characters.</source>
        <translation>镜头 %1:%2 已截短为 %3 个字符。</translation>
    </message>
    <message>
        <source>Shot %1: %2 “%3” is not allowed for %4; “%5” instead.</source>
        <translation>镜头 %1:%4 不支持%2“%3”,已改为“%5”。</translation>
    </message>
    <message>
        <source>The answer is empty: no shots to read.</source>
        <translation>回答为空:没有可读取的镜头。</translation>
    </message>
    <message>
        <source>The answer&apos;s shot list could not be read (its JSON is broken or holds no shots). Nothing was changed; ask again.</source>
        <translation>无法读取回答中的镜头列表(JSON 已损坏或不含镜头)。没有做任何改动;请重新提问。</translation>
    </message>
    <message>
        <source>The answer holds no shot list (neither JSON nor a numbered list). Nothing was changed; ask again.</source>
        <translation>回答中没有镜头列表(既没有 JSON,也没有编号列表)。没有做任何改动;请重新提问。</translation>
    </message>
    <message>
        <source>Shot %1 has no prompt; it was left out.</source>
        <translation>镜头 %1 没有提示词,已略去。</translation>
    </message>
    <message>
        <source>None of the answer&apos;s shots has a prompt. Nothing was changed; ask again.</source>
        <translation>回答中的镜头都没有提示词。没有做任何改动;请重新提问。</translation>
    </message>
    <message>
        <source>The answer has %1 shots; the first %2 were kept.</source>
        <translation>回答有 %1 个镜头;保留了前 %2 个。</translation>
    </message>
    <message>
        <source>The answer has %1 of the %2 shots asked for.</source>
        <translation>回答只有 %1 个镜头(要求 %2 个)。</translation>
    </message>
</context>
<context>
    <name>StoryPlanDialog</name>
    <message>
        <source>Plan a storyboard</source>
        <translation>规划分镜</translation>
    </message>
    <message>
        <source>A story or an idea, in a line or a page.</source>
        <translation>一个故事或想法,一行或一页都可以。</translation>
    </message>
    <message>
        <source>Story:</source>
        <translation>故事:</translation>
    </message>
    <message>
        <source>Shots:</source>
        <translation>镜头数:</translation>
    </message>
    <message>
        <source>Video model:</source>
        <translation>视频模型:</translation>
    </message>
    <message>
        <source>Plan shots</source>
        <translation>规划镜头</translation>
    </message>
    <message>
        <source>The chat model&apos;s answer</source>
        <translation>对话模型的回答</translation>
    </message>
    <message>
        <source>Prompt (you can edit it)</source>
        <translation>提示词(可以编辑)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Save board…</source>
        <translation>保存分镜…</translation>
    </message>
    <message>
        <source>Save board</source>
        <translation>保存分镜</translation>
    </message>
    <message>
        <source>Storyboards (*.json)</source>
        <translation>分镜文件 (*.json)</translation>
    </message>
    <message>
        <source>Write a story or an idea first.</source>
        <translation>请先写一个故事或想法。</translation>
    </message>
    <message>
        <source>The story could not be sent (an answer is on its way, or the database is not open).</source>
        <translation>无法发送故事(已有回答正在生成,或数据库未打开)。</translation>
    </message>
    <message numerus="yes">
        <source>Asking %1 for %n shot(s)…</source>
        <translation>
            <numerusform>正在请 %1 规划 %n 个镜头…</numerusform>
        </translation>
    </message>
    <message>
        <source>No plan: %1 Your story is unchanged; nothing was generated.</source>
        <translation>未能规划:%1 你的故事未改动;没有生成任何视频。</translation>
    </message>
    <message numerus="yes">
        <source>%n shot(s) planned: review them, then save the board.</source>
        <translation>
            <numerusform>已规划 %n 个镜头:请检查后保存分镜。</numerusform>
        </translation>
    </message>
    <message>
        <source>The board could not be saved to %1: %2</source>
        <translation>无法将分镜保存到 %1:%2</translation>
    </message>
    <message>
        <source>Board saved to %1.</source>
        <translation>分镜已保存到 %1。</translation>
    </message>
    <message>
        <source>Open as a storyboard</source>
        <translation>作为分镜打开</translation>
    </message>
    <message>
        <source>Adds the planned shots to the Storyboard tab, to edit and generate there.</source>
        <translation>把规划好的镜头加入“分镜”标签页,在那里编辑和生成。</translation>
    </message>
</context>
<context>
    <name>StoryboardController</name>
    <message>
        <source>shot %1: %2</source>
        <translation>第 %1 个镜头:%2</translation>
    </message>
    <message>
        <source>not made</source>
        <translation>未生成</translation>
    </message>
    <message>
        <source>Shot %1: the new take is ready.</source>
        <translation>第 %1 镜:新的一条已就绪。</translation>
    </message>
    <message>
        <source>%1 of %2 shots made.</source>
        <translation>已生成 %1/%2 个镜头。</translation>
    </message>
    <message>
        <source>Shot %1: choose a model (“%2” is not available).</source>
        <translation>第 %1 镜:请选择模型(“%2”不可用)。</translation>
    </message>
    <message>
        <source>Shot 1 cannot continue from a previous shot: it is the first.</source>
        <translation>第 1 镜无法接续上一镜:它是第一个镜头。</translation>
    </message>
    <message>
        <source>Shot %1 continues from the previous shot, but %2 has no first frame: choose an image-to-video model.</source>
        <translation>第 %1 镜接续上一镜,但 %2 没有首帧:请选择图生视频模型。</translation>
    </message>
    <message>
        <source>Shot %1: the picture “%2” is no longer there.</source>
        <translation>第 %1 镜:图片“%2”已不存在。</translation>
    </message>
    <message>
        <source>Shot %1: %2 — %3</source>
        <translation>第 %1 镜:%2 — %3</translation>
    </message>
    <message>
        <source>The board is being generated: wait for it, or stop it.</source>
        <translation>分镜正在生成:请等待完成或先停止。</translation>
    </message>
    <message>
        <source>This shot no longer exists.</source>
        <translation>该镜头已不存在。</translation>
    </message>
    <message>
        <source>Shot %1 continues from the last frame of shot %2: make shot %2 first.</source>
        <translation>第 %1 镜接续第 %2 镜的最后一帧:请先生成第 %2 镜。</translation>
    </message>
    <message>
        <source>The board is being generated already.</source>
        <translation>分镜已在生成中。</translation>
    </message>
    <message>
        <source>The board has no shots yet: add one.</source>
        <translation>分镜还没有镜头:请添加一个。</translation>
    </message>
    <message>
        <source>Every shot has a take already: generate a shot again to make another take.</source>
        <translation>每个镜头都已有成片:如需另一条,请单独重新生成该镜头。</translation>
    </message>
    <message>
        <source>waits for shot %1</source>
        <translation>等待第 %1 镜</translation>
    </message>
    <message>
        <source>waits its turn</source>
        <translation>排队等待</translation>
    </message>
    <message>
        <source>taking the last frame of shot %1</source>
        <translation>正在提取第 %1 镜的最后一帧</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <source>generating</source>
        <translation>生成中</translation>
    </message>
    <message>
        <source>made</source>
        <translation>已生成</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败:%1</translation>
    </message>
    <message>
        <source>A film is being joined already.</source>
        <translation>已有影片正在合成。</translation>
    </message>
    <message>
        <source>The board has no shots yet.</source>
        <translation>分镜还没有镜头。</translation>
    </message>
    <message>
        <source>Shot %1 has no take on disk yet: generate it first.</source>
        <translation>第 %1 镜还没有已下载的成片:请先生成。</translation>
    </message>
    <message>
        <source>Cannot make the folder “%1”.</source>
        <translation>无法创建文件夹“%1”。</translation>
    </message>
    <message>
        <source>Storyboard %1</source>
        <translation>分镜 %1</translation>
    </message>
    <message>
        <source>Joining was cancelled; no film was written.</source>
        <translation>合成已取消,未写出影片。</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>影片</translation>
    </message>
    <message>
        <source>The film was written to “%1”, but the Library could not record it.</source>
        <translation>影片已写入“%1”,但媒体库无法记录它。</translation>
    </message>
</context>
<context>
    <name>StoryboardRunner</name>
    <message>
        <source>already sent, but its task was deleted from the store; not sent again</source>
        <translation>已发送过,但其任务已从存储中删除;不再发送</translation>
    </message>
    <message>
        <source>uncertain — sent as task %1, but no answer was recorded; check on the platform; not sent again</source>
        <translation>不确定——已作为任务 %1 发送,但没有记录到回复;请到平台上查看;不再发送</translation>
    </message>
    <message>
        <source>not sent: the run was stopped</source>
        <translation>未发送:已停止运行</translation>
    </message>
    <message>
        <source>not sent: it continues shot %1, which was not made</source>
        <translation>未发送:它接续的第 %1 个镜头未生成</translation>
    </message>
    <message>
        <source>not sent: the credit cap was reached</source>
        <translation>未发送:已达到积分上限</translation>
    </message>
    <message>
        <source>last frame of shot %1</source>
        <translation>第 %1 个镜头的最后一帧</translation>
    </message>
    <message>
        <source>still being made: the take appears on its shot when it is ready</source>
        <translation>仍在生成:完成后会出现在对应镜头下</translation>
    </message>
    <message>
        <source>no clear answer: task %1 is kept as unknown; check on the platform</source>
        <translation>没有明确回复:任务 %1 记为未知;请到平台上查看</translation>
    </message>
</context>
<context>
    <name>StoryboardTab</name>
    <message>
        <source>Storyboard:</source>
        <translation>分镜:</translation>
    </message>
    <message>
        <source>Storyboard</source>
        <translation>分镜</translation>
    </message>
    <message>
        <source>New board</source>
        <translation>新建分镜</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Board actions</source>
        <translation>分镜操作</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Export as a board file…</source>
        <translation>导出为分镜文件…</translation>
    </message>
    <message>
        <source>Import a board file…</source>
        <translation>导入分镜文件…</translation>
    </message>
    <message>
        <source>Plan with the chat…</source>
        <translation>用对话规划…</translation>
    </message>
    <message>
        <source>Delete this board…</source>
        <translation>删除此分镜…</translation>
    </message>
    <message>
        <source>Shots</source>
        <translation>镜头</translation>
    </message>
    <message>
        <source>Add shot</source>
        <translation>添加镜头</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move the shot earlier (Ctrl+Up)</source>
        <translation>把镜头前移(Ctrl+↑)</translation>
    </message>
    <message>
        <source>Move shot up</source>
        <translation>镜头上移</translation>
    </message>
    <message>
        <source>Move the shot later (Ctrl+Down)</source>
        <translation>把镜头后移(Ctrl+↓)</translation>
    </message>
    <message>
        <source>Move shot down</source>
        <translation>镜头下移</translation>
    </message>
    <message>
        <source>Drag shots to change their order. A shot that continues starts on the last frame of the one before.</source>
        <translation>拖动镜头可调整顺序。接续的镜头从上一镜的最后一帧开始。</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型:</translation>
    </message>
    <message>
        <source>Shot model</source>
        <translation>镜头模型</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Continue from the previous shot&apos;s last frame</source>
        <translation>从上一镜的最后一帧接续</translation>
    </message>
    <message>
        <source>Continue from the previous shot</source>
        <translation>接续上一镜</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>成片</translation>
    </message>
    <message>
        <source>Takes of this shot</source>
        <translation>此镜头的成片</translation>
    </message>
    <message>
        <source>Use in the film</source>
        <translation>用于成片</translation>
    </message>
    <message>
        <source>This take goes into the film when the board is joined.</source>
        <translation>合成影片时使用这一条。</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Show in Library</source>
        <translation>在媒体库中显示</translation>
    </message>
    <message>
        <source>Generate this shot</source>
        <translation>生成此镜头</translation>
    </message>
    <message>
        <source>Generate all shots</source>
        <translation>生成全部镜头</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>No further shot is sent; the ones already sent go on and are kept.</source>
        <translation>不再发送新的镜头;已发送的会继续并被保留。</translation>
    </message>
    <message>
        <source>Film size:</source>
        <translation>影片尺寸:</translation>
    </message>
    <message>
        <source>Film size</source>
        <translation>影片尺寸</translation>
    </message>
    <message>
        <source>As the first shot</source>
        <translation>与第一镜相同</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>帧率:</translation>
    </message>
    <message>
        <source>Film frame rate</source>
        <translation>影片帧率</translation>
    </message>
    <message>
        <source>Join into a film</source>
        <translation>合成影片</translation>
    </message>
    <message>
        <source>Joins each shot&apos;s chosen take into one MP4; the film appears in the Library.</source>
        <translation>把每个镜头选定的成片合成一个 MP4;影片会出现在媒体库中。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel joining</source>
        <translation>取消合成</translation>
    </message>
    <message>
        <source>Joining progress</source>
        <translation>合成进度</translation>
    </message>
    <message>
        <source>Play the film</source>
        <translation>播放影片</translation>
    </message>
    <message>
        <source>Delete shot</source>
        <translation>删除镜头</translation>
    </message>
    <message numerus="yes">
        <source>Delete this shot? Its %n take(s) stay in the Library.</source>
        <translation>
            <numerusform>删除此镜头?它的 %n 条成片仍保留在媒体库中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Shot %1: a new take is on its way.</source>
        <translation>第 %1 镜:新的一条正在生成。</translation>
    </message>
    <message>
        <source>Generating the board: shots that continue wait for the one before.</source>
        <translation>正在生成分镜:接续的镜头会等待上一镜完成。</translation>
    </message>
    <message>
        <source>Joining the film…</source>
        <translation>正在合成影片…</translation>
    </message>
    <message>
        <source>The film is ready: %1 (also in the Library).</source>
        <translation>影片已就绪:%1(也在媒体库中)。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n shot(s))</source>
        <translation>
            <numerusform>%1(%n 个镜头)</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled board</source>
        <translation>未命名分镜</translation>
    </message>
    <message>
        <source>Add a shot to begin</source>
        <translation>添加一个镜头开始</translation>
    </message>
    <message>
        <source>Make a board to begin</source>
        <translation>新建一个分镜开始</translation>
    </message>
    <message>
        <source>A storyboard is a list of shots; each is generated as a video and the chosen takes are joined into one film.</source>
        <translation>分镜是一组镜头:每个镜头生成为一段视频,选定的成片合成为一部影片。</translation>
    </message>
    <message>
        <source>Shot %1</source>
        <translation>第 %1 镜</translation>
    </message>
    <message>
        <source>The first shot has no shot before it.</source>
        <translation>第一镜之前没有镜头。</translation>
    </message>
    <message>
        <source>This model has no first frame: choose an image-to-video model to continue.</source>
        <translation>此模型没有首帧:要接续请选择图生视频模型。</translation>
    </message>
    <message>
        <source>When generated, its first frame is the last frame of shot %1.</source>
        <translation>生成时,它的首帧是第 %1 镜的最后一帧。</translation>
    </message>
    <message>
        <source>Choose a model for this shot.</source>
        <translation>请为此镜头选择模型。</translation>
    </message>
    <message>
        <source>Filled with the last frame of shot %1 when this shot is generated.</source>
        <translation>生成此镜头时填入第 %1 镜的最后一帧。</translation>
    </message>
    <message>
        <source>Take %1</source>
        <translation>第 %1 条</translation>
    </message>
    <message>
        <source>Take %1 · in the film</source>
        <translation>第 %1 条 · 用于成片</translation>
    </message>
    <message>
        <source>Generate this shot · %1</source>
        <translation>生成此镜头 · %1</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>生成中…</translation>
    </message>
    <message>
        <source>Generate all</source>
        <translation>全部生成</translation>
    </message>
    <message>
        <source>Generate all · %1</source>
        <translation>全部生成 · %1</translation>
    </message>
    <message>
        <source>New storyboard</source>
        <translation>新建分镜</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题:</translation>
    </message>
    <message>
        <source>My film</source>
        <translation>我的影片</translation>
    </message>
    <message>
        <source>The board could not be saved.</source>
        <translation>无法保存分镜。</translation>
    </message>
    <message>
        <source>Rename storyboard</source>
        <translation>重命名分镜</translation>
    </message>
    <message>
        <source>Delete storyboard</source>
        <translation>删除分镜</translation>
    </message>
    <message>
        <source>Delete the board “%1”? Its takes and films stay in the Library.</source>
        <translation>删除分镜“%1”?它的成片和影片仍保留在媒体库中。</translation>
    </message>
    <message>
        <source>Export storyboard</source>
        <translation>导出分镜</translation>
    </message>
    <message>
        <source>Board files (*.json)</source>
        <translation>分镜文件 (*.json)</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>无法写入“%1”:%2</translation>
    </message>
    <message>
        <source>Exported to %1; run it with: yuanjing storyboard run “%1”</source>
        <translation>已导出到 %1;可用以下命令运行:yuanjing storyboard run “%1”</translation>
    </message>
    <message>
        <source>Import storyboard</source>
        <translation>导入分镜</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1:%2</translation>
    </message>
    <message numerus="yes">
        <source>Board “%1” with %n shot(s): check the shots, then Generate all.</source>
        <translation>
            <numerusform>分镜“%1”共 %n 个镜头:检查镜头后点击“全部生成”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a shot first: the frame goes into one of its picture slots.</source>
        <translation>请先选择一个镜头:这一帧会放入它的某个图片位置。</translation>
    </message>
    <message>
        <source>This shot&apos;s model has no free slot for that frame.</source>
        <translation>此镜头的模型没有可放这一帧的空位。</translation>
    </message>
    <message>
        <source>Shot(s) %1 of the storyboard are not sent yet and will not be sent if you quit now (the takes already sent go on and are kept).</source>
        <translation>分镜的第 %1 镜尚未发送,现在退出将不会发送(已发送的成片会继续生成并保留)。</translation>
    </message>
    <message>
        <source>The film being joined will be cancelled.</source>
        <translation>正在合成的影片将被取消。</translation>
    </message>
    <message>
        <source>Quit Yuanjing Studio?</source>
        <translation>退出元境 Studio?</translation>
    </message>
    <message>
        <source>Quit anyway?</source>
        <translation>仍要退出吗?</translation>
    </message>
    <message>
        <source>Makes a new take of this shot (it may be billed); its other takes are kept. Ctrl+Enter</source>
        <translation>为此镜头再生成一条(可能计费);其他成片会保留。Ctrl+Enter</translation>
    </message>
    <message>
        <source>Makes every shot that has no take yet (it may be billed); takes on their way are not sent again. Ctrl+Shift+Enter</source>
        <translation>生成所有还没有成片的镜头(可能计费);正在生成的不会重复发送。Ctrl+Shift+Enter</translation>
    </message>
</context>
<context>
    <name>StudioForm</name>
    <message>
        <source>(platform default)</source>
        <translation>(平台默认)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>StudioTab</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型:</translation>
    </message>
    <message>
        <source>Swap first and last frame</source>
        <translation>交换首帧和尾帧</translation>
    </message>
    <message>
        <source>Earlier prompts</source>
        <translation>历史提示词</translation>
    </message>
    <message>
        <source>Generate video</source>
        <translation>生成视频</translation>
    </message>
    <message>
        <source>Some fields need attention.</source>
        <translation>有些字段需要修改。</translation>
    </message>
    <message>
        <source>No clear answer from the platform (%1): the task may or may not have been created. It is kept as “unknown”; check on the platform before submitting again.</source>
        <translation>平台没有给出明确答复(%1):任务可能已创建,也可能没有。已记录为“未知”;再次提交前请先在平台上确认。</translation>
    </message>
    <message>
        <source>No model for this mode.</source>
        <translation>此模式下没有可用模型。</translation>
    </message>
    <message>
        <source>This model is shown but not yet enabled on the platform (%1).</source>
        <translation>此模型仅作展示,平台尚未开通(%1)。</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>Send this task to the platform (it may be billed).</source>
        <translation>把任务发送到平台(可能会计费)。</translation>
    </message>
    <message>
        <source>Fill in the required fields first.</source>
        <translation>请先填写必填项。</translation>
    </message>
    <message>
        <source>Preparing the request…</source>
        <translation>正在准备请求…</translation>
    </message>
    <message>
        <source>Your balance is too low for this model. &lt;a href=&quot;https://opencomputing.ai&quot;&gt;Top up on the platform&lt;/a&gt; (user menu → 充值) or &lt;a href=&quot;account&quot;&gt;see the Account tab&lt;/a&gt;.</source>
        <translation>余额不足以使用该模型。&lt;a href=&quot;https://opencomputing.ai&quot;&gt;在平台上充值&lt;/a&gt;(用户菜单 → 充值)或&lt;a href=&quot;account&quot;&gt;查看“账户”页&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>No earlier prompts in this mode</source>
        <translation>此模式下还没有历史提示词</translation>
    </message>
    <message>
        <source>Settings of an earlier task loaded: check them, then generate.</source>
        <translation>已载入之前任务的设置:请检查后再生成。</translation>
    </message>
    <message>
        <source>No video model takes such a picture.</source>
        <translation>没有视频模型接受这种图片。</translation>
    </message>
    <message>
        <source>A frame of “%1” is in place: write the prompt, then generate.</source>
        <translation>已放入“%1”的一帧:写好提示词,然后生成。</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <source>Send this prompt to 2 to 4 models of this mode and see the results side by side</source>
        <translation>把这个提示词发给此模式的 2 到 4 个模型,并排查看结果</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>版本数</translation>
    </message>
    <message>
        <source>Make variations…</source>
        <translation>生成多个版本…</translation>
    </message>
    <message>
        <source>Several takes of these settings, side by side (each its own seed where the model has one)</source>
        <translation>用这些设置生成多个版本并排查看(模型有种子时每个版本使用不同的种子)</translation>
    </message>
    <message>
        <source>Generate video · %1</source>
        <translation>生成视频 · %1</translation>
    </message>
    <message>
        <source>Expected cost: %1</source>
        <translation>预计费用:%1</translation>
    </message>
    <message>
        <source>Expensive video</source>
        <translation>费用较高的视频</translation>
    </message>
    <message>
        <source>This video is expected to cost %1, more than the %2 credits you asked to be warned about. Send it?</source>
        <translation>此视频预计费用为 %1,超过了你设定的提醒阈值 %2 积分。要发送吗?</translation>
    </message>
    <message>
        <source>Task %1 is done: it cost %2 credits (expected: %3).</source>
        <translation>任务 %1 已完成:花费 %2 积分(预计:%3)。</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>未发送。</translation>
    </message>
    <message>
        <source>Plan a storyboard…</source>
        <translation>规划分镜…</translation>
    </message>
    <message>
        <source>A chat model splits a story into shots for this model; you review them before anything is generated.</source>
        <translation>由对话模型按当前模型把故事拆成镜头;生成任何视频之前你会先检查。</translation>
    </message>
    <message>
        <source>Prompt from the chat: check it and the settings, then generate.</source>
        <translation>提示词来自对话:请检查它和各项设置,然后生成。</translation>
    </message>
    <message>
        <source>Submitted: task %1. It is on its way in Recent videos, beside the form.</source>
        <translation>已提交:任务 %1。可在右侧“最近的视频”中查看进度。</translation>
    </message>
</context>
<context>
    <name>TaskPoller</name>
    <message>
        <source>The app stopped before the platform answered this submission. It may or may not have been created: check on the platform before submitting it again.</source>
        <translation>平台答复此次提交之前应用已退出。任务可能已创建,也可能没有:再次提交前请先在平台上确认。</translation>
    </message>
    <message>
        <source>The platform reports the video as finished but gave no link to it yet.</source>
        <translation>平台报告视频已完成,但尚未给出链接。</translation>
    </message>
    <message>
        <source>The platform gave a video link the app does not follow (%1).</source>
        <translation>平台给出的视频链接本应用不会访问(%1)。</translation>
    </message>
    <message>
        <source>The platform reports that the task failed.</source>
        <translation>平台报告任务失败。</translation>
    </message>
    <message numerus="yes">
        <source>No result within %n hour(s) of submission. The platform may have lost track of it: check on the platform, or check again.</source>
        <translation>
            <numerusform>提交后 %n 小时内没有结果。平台可能已丢失此任务的进度:请在平台上查看,或再次查询。</numerusform>
        </translation>
    </message>
    <message>
        <source>The platform no longer knows the state of this task: check on the platform.</source>
        <translation>平台已不知道此任务的状态:请在平台上查看。</translation>
    </message>
    <message numerus="yes">
        <source>The platform does not know this task id (it said so %n time(s) in a row): %1</source>
        <translation>
            <numerusform>平台不认识这个任务 ID(已连续 %n 次这样答复):%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <source>Usage chart</source>
        <translation>用量图表</translation>
    </message>
    <message>
        <source>No usage recorded yet: every chat and video is counted here as it is made.</source>
        <translation>还没有用量记录:每次对话和每个视频都会在这里计入。</translation>
    </message>
    <message>
        <source>Start a chat</source>
        <translation>开始对话</translation>
    </message>
</context>
<context>
    <name>VideoSubmitter</name>
    <message>
        <source>The task could not be written to the database; nothing was sent.</source>
        <translation>任务无法写入数据库;未发送任何内容。</translation>
    </message>
    <message>
        <source>no taskid in the reply</source>
        <translation>回复中没有 taskid</translation>
    </message>
    <message>
        <source>This job was already sent; it is not sent again.</source>
        <translation>此作业已发送过,不会再次发送。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Yuanjing Studio</source>
        <translation>欢迎使用元境 Studio</translation>
    </message>
    <message>
        <source>Chat with LLMs and make videos with Seedance, Wan and Vidu on the 元境 platform. To start, paste your API key.</source>
        <translation>在元境平台上与大模型对话,并用 Seedance、通义万象和 Vidu 生成视频。开始前,请粘贴你的 API 密钥。</translation>
    </message>
    <message>
        <source>Paste your API key</source>
        <translation>粘贴你的 API 密钥</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Save key and start</source>
        <translation>保存密钥并开始</translation>
    </message>
    <message>
        <source>No key yet? Try everything with the built-in simulator: nothing is sent to the platform and nothing is billed.</source>
        <translation>还没有密钥?可以用内置模拟器体验全部功能:不会向平台发送任何内容,也不会产生费用。</translation>
    </message>
    <message>
        <source>Try demo mode</source>
        <translation>体验演示模式</translation>
    </message>
    <message>
        <source>The key could not be stored: %1</source>
        <translation>无法保存密钥:%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;How to get a key:&lt;/b&gt;&lt;br&gt;1. Sign in at &lt;a href=&quot;https://opencomputing.ai&quot;&gt;opencomputing.ai&lt;/a&gt;.&lt;br&gt;2. Open the menu 元境平台 (top left) → 下位系统接口 → 下位系统.&lt;br&gt;3. Click 创建APIKEY, fill in the form and submit.&lt;br&gt;4. Click 复制apikey and paste the key below.</source>
        <translation>&lt;b&gt;如何获取密钥:&lt;/b&gt;&lt;br&gt;1. 登录 &lt;a href=&quot;https://opencomputing.ai&quot;&gt;opencomputing.ai&lt;/a&gt;。&lt;br&gt;2. 点击左上角“元境平台”菜单 → 下位系统接口 → 下位系统。&lt;br&gt;3. 点击“创建APIKEY”,填写信息后提交。&lt;br&gt;4. 点击“复制apikey”,把密钥粘贴到下方。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Yuanjing Studio: chat with LLMs and generate videos on the 元境 platform.
Environment: YUANJING_API_KEY (a key for this run), YUANJING_BASE_URL (a platform address for this run).</source>
        <translation>元境 Studio:在元境平台上与大模型对话并生成视频。
环境变量:YUANJING_API_KEY(本次运行使用的密钥),YUANJING_BASE_URL(本次运行使用的平台地址)。</translation>
    </message>
    <message>
        <source>Run against the built-in platform simulator: no key, no network, nothing billed.</source>
        <translation>连接内置平台模拟器运行:无需密钥、无需网络、不产生费用。</translation>
    </message>
    <message>
        <source>Talk to the platform at &lt;url&gt; for this run.</source>
        <translation>本次运行连接位于 &lt;url&gt; 的平台。</translation>
    </message>
    <message>
        <source>Yuanjing Studio cannot start</source>
        <translation>元境 Studio 无法启动</translation>
    </message>
    <message>
        <source>%1

Nothing was changed. Free some disk space, check the folder&apos;s permissions, or move the file aside, then start the app again.</source>
        <translation>%1

没有做任何更改。请释放磁盘空间、检查文件夹权限,或将该文件移走,然后重新启动应用。</translation>
    </message>
</context>
</TS>
