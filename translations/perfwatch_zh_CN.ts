<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConnectionManager</name>
    <message>
        <location filename="../desktop/core/connectionmanager.cpp" line="55"/>
        <source>%1 as %2
%3</source>
        <translation>%1，用户 %2
%3</translation>
    </message>
</context>
<context>
    <name>DaemonConnection</name>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="54"/>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="95"/>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="105"/>
        <source>&apos;%1&apos; is not a daemon URL; use e.g. http://127.0.0.1:8000</source>
        <translation>&apos;%1&apos; 不是守护进程 URL；例如 http://127.0.0.1:8000</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="110"/>
        <source>Logging in to %1</source>
        <translation>正在登录 %1</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="138"/>
        <source>Wrong user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="145"/>
        <source>Too many failed logins; wait and try again (%1)</source>
        <translation>登录失败次数过多；请稍后再试（%1）</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="149"/>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="155"/>
        <source>Cannot reach the daemon at %1: %2</source>
        <translation>无法连接 %1 上的守护进程：%2</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="206"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="239"/>
        <source>Connection lost; retrying in %1 s</source>
        <translation>连接已断开；%1 秒后重试</translation>
    </message>
</context>
<context>
    <name>DashboardPlan</name>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="29"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="38"/>
        <source>CPU per core</source>
        <translation>每核 CPU</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="43"/>
        <source>Load average</source>
        <translation>平均负载</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="50"/>
        <source>Memory and swap in use</source>
        <translation>内存与交换使用率</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="55"/>
        <source>Network per interface</source>
        <translation>各网络接口</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="60"/>
        <source>Disk I/O per device</source>
        <translation>各设备磁盘 I/O</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="65"/>
        <source>Filesystems in use</source>
        <translation>文件系统使用率</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="72"/>
        <source>Memory bandwidth and paging</source>
        <translation>内存带宽与分页</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="77"/>
        <source>Pressure (stalled time)</source>
        <translation>压力（停顿时间）</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="82"/>
        <source>Perf events per interval</source>
        <translation>每间隔 perf 事件</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="87"/>
        <source>Instructions per cycle</source>
        <translation>每周期指令数</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="92"/>
        <source>Miss ratios</source>
        <translation>未命中率</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="114"/>
        <source>busy</source>
        <translation>繁忙</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="115"/>
        <source>user</source>
        <translation>用户态</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="116"/>
        <source>system</source>
        <translation>内核态</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="117"/>
        <source>iowait</source>
        <translation>I/O 等待</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="118"/>
        <source>steal</source>
        <translation>被窃取</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="120"/>
        <source>1 min</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="121"/>
        <source>5 min</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="122"/>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="123"/>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="124"/>
        <source>swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="125"/>
        <source>in</source>
        <translation>入</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="126"/>
        <source>out</source>
        <translation>出</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="127"/>
        <source>read</source>
        <translation>读</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="128"/>
        <source>write</source>
        <translation>写</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="130"/>
        <source>DRAM read</source>
        <translation>DRAM 读</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="131"/>
        <source>DRAM write</source>
        <translation>DRAM 写</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="132"/>
        <source>paging</source>
        <translation>分页</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="133"/>
        <source>swapping</source>
        <translation>交换</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="136"/>
        <source>IPC</source>
        <translation>IPC</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="138"/>
        <source>branch</source>
        <translation>分支</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="139"/>
        <source>cache</source>
        <translation>缓存</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="140"/>
        <source>LLC</source>
        <translation>LLC</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="141"/>
        <source>L1d</source>
        <translation>L1d</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="34"/>
        <location filename="../desktop/ui/dashboardview.cpp" line="233"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="182"/>
        <source>%1: not measured on this machine</source>
        <translation>%1：本机未测量</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="183"/>
        <source>%1: not available on this machine (%2)</source>
        <translation>%1：本机不可用（%2）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="199"/>
        <source>No daemon selected</source>
        <translation>未选择守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="208"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="211"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="215"/>
        <source>Reconnecting in %1 s</source>
        <translation>%1 秒后重新连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="215"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="219"/>
        <source>Connection failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="222"/>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="228"/>
        <source> · figures are %1 s old</source>
        <translation> · 数据已过时 %1 秒</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="233"/>
        <source>Log in…</source>
        <translation>登录…</translation>
    </message>
</context>
<context>
    <name>FleetView</name>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="44"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="46"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="48"/>
        <source>Reconnecting</source>
        <translation>正在重新连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="50"/>
        <source>Connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="52"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="79"/>
        <source>No daemon yet. Use File → Connect to daemon… to add one.</source>
        <translation>尚无守护进程。请使用 文件 → 连接到守护进程… 添加。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="129"/>
        <source>Open the dashboard</source>
        <translation>打开仪表板</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="181"/>
        <source>Reconnecting in %1 s</source>
        <translation>%1 秒后重新连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="184"/>
        <source> · figures %1 s old</source>
        <translation> · 数据已过时 %1 秒</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="192"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="194"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="195"/>
        <source>Network in / out</source>
        <translation>网络 入 / 出</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="199"/>
        <source>Disk read / write</source>
        <translation>磁盘 读 / 写</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="26"/>
        <source>Remember password in the system keychain</source>
        <translation>在系统钥匙串中记住密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="29"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="31"/>
        <source>Connect to a PerfWatch daemon</source>
        <translation>连接到 PerfWatch 守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="56"/>
        <source>Daemon URL</source>
        <translation>守护进程 URL</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="57"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="58"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="77"/>
        <source>neither Secret Service nor KWallet answers</source>
        <translation>Secret Service 和 KWallet 均无响应</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="79"/>
        <source>No keychain service is running here (%1): the password is kept in memory only, until PerfWatch quits.</source>
        <translation>此处没有运行钥匙串服务（%1）：密码仅保存在内存中，直到 PerfWatch 退出。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="108"/>
        <source>Log in to %1</source>
        <translation>登录 %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="115"/>
        <source>Change the daemon&apos;s URL or user, then connect.</source>
        <translation>修改守护进程的 URL 或用户，然后连接。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="121"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="151"/>
        <source>Enter the password (the daemon wrote the first one to its state directory, file admin-password).</source>
        <translation>请输入密码（守护进程已将初始密码写入其状态目录下的 admin-password 文件）。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="160"/>
        <source>That daemon and user are already in the list.</source>
        <translation>该守护进程和用户已在列表中。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="176"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="44"/>
        <source>PerfWatch</source>
        <translation>PerfWatch</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="73"/>
        <location filename="../desktop/ui/mainwindow.cpp" line="199"/>
        <source>Enter the password for %1.</source>
        <translation>请输入 %1 的密码。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="88"/>
        <source>The daemon refused the saved password (%1). Enter the current one.</source>
        <translation>守护进程拒绝了已保存的密码（%1）。请输入当前密码。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="119"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="120"/>
        <source>&amp;Connect to daemon…</source>
        <translation>连接到守护进程(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="123"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="124"/>
        <source>&amp;Edit daemon…</source>
        <translation>编辑守护进程(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="128"/>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="129"/>
        <source>&amp;Remove daemon</source>
        <translation>移除守护进程(&amp;R)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="131"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="133"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="135"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="137"/>
        <source>&amp;Fleet</source>
        <translation>机群(&amp;F)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="137"/>
        <source>&amp;Dashboard</source>
        <translation>仪表板(&amp;D)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="137"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="138"/>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="152"/>
        <source>F&amp;ull screen</source>
        <translation>全屏(&amp;U)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="158"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="163"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="164"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="165"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="178"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="179"/>
        <source>&amp;About PerfWatch</source>
        <translation>关于 PerfWatch(&amp;A)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="261"/>
        <source>No daemon</source>
        <translation>无守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="272"/>
        <source> · CPU %1% · memory %2%</source>
        <translation> · CPU %1% · 内存 %2%</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="286"/>
        <source>Logged out of %1.</source>
        <translation>已从 %1 注销。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="302"/>
        <source>About PerfWatch</source>
        <translation>关于 PerfWatch</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="303"/>
        <source>&lt;h3&gt;PerfWatch %1&lt;/h3&gt;&lt;p&gt;Live and historic performance of Linux machines running perfwatchd.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PerfWatch %1&lt;/h3&gt;&lt;p&gt;运行 perfwatchd 的 Linux 机器的实时与历史性能。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建，运行于 Qt %3。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MetricChartView</name>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="279"/>
        <source>%1
%2 at %3</source>
        <translation>%1
%3 时为 %2</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="35"/>
        <source>Sampling interval (seconds)</source>
        <translation>采样间隔（秒）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="36"/>
        <source>Perf events</source>
        <translation>perf 事件</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="37"/>
        <source>Perf events interval (ms)</source>
        <translation>perf 事件间隔（毫秒）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="39"/>
        <source>Perf events on CPUs (all, or e.g. 0-3)</source>
        <translation>perf 事件所用 CPU（all 或例如 0-3）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="41"/>
        <source>More perf events (comma-separated)</source>
        <translation>更多 perf 事件（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="42"/>
        <source>Keep history (days)</source>
        <translation>历史保留（天）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="43"/>
        <source>Delete history older than that</source>
        <translation>删除更早的历史</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="44"/>
        <source>Keep full resolution (days)</source>
        <translation>保留完整精度（天）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="45"/>
        <source>Then keep (1m or 1h)</source>
        <translation>之后保留（1m 或 1h）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="46"/>
        <source>Clean up every (minutes)</source>
        <translation>清理间隔（分钟）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="70"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="71"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="89"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="90"/>
        <source>Clean up now</source>
        <translation>立即清理</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="94"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="110"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="113"/>
        <source>Sampling, perf events and retention</source>
        <translation>采样、perf 事件与保留</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="122"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="124"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="125"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="126"/>
        <source>Repeat new password</source>
        <translation>重复新密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="182"/>
        <source>No daemon selected</source>
        <translation>未选择守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="213"/>
        <source>Host: %1
Kernel: %2
CPU: %3 × %4
Memory: %5
Up for: %6
Daemon: %7 (as %8), version %9</source>
        <translation>主机：%1
内核：%2
CPU：%3 × %4
内存：%5
运行时间：%6
守护进程：%7（用户 %8），版本 %9</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="68"/>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="227"/>
        <source>
Not measured here: %1</source>
        <translation>
此处未测量：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="257"/>
        <source>Cannot read the configuration: %1</source>
        <translation>无法读取配置：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="324"/>
        <source>Nothing changed</source>
        <translation>没有更改</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="333"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="337"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="347"/>
        <source>Cleaning up…</source>
        <translation>正在清理…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="355"/>
        <source>Cleanup failed: %1</source>
        <translation>清理失败：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="359"/>
        <source>Cleanup done: %1 samples deleted, %2 downsampled</source>
        <translation>清理完成：删除 %1 个样本，降采样 %2 个</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="371"/>
        <source>The new passwords differ</source>
        <translation>两次输入的新密码不一致</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="385"/>
        <source>Password not changed: %1</source>
        <translation>密码未修改：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="394"/>
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
</context>
</TS>
