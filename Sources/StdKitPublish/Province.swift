/// The province-level divisions of China by the first two digits of a 行政区划代码 (GB/T 2260):
/// the 34 province-level codes, for the catalogue's region column, filter and chart.
struct Province: Sendable, Hashable {
    var code: String
    var chinese: String
    var english: String

    /// Every province-level code, in code order.
    static let all: [Province] = [
        Province(code: "11", chinese: "北京", english: "Beijing"),
        Province(code: "12", chinese: "天津", english: "Tianjin"),
        Province(code: "13", chinese: "河北", english: "Hebei"),
        Province(code: "14", chinese: "山西", english: "Shanxi"),
        Province(code: "15", chinese: "内蒙古", english: "Inner Mongolia"),
        Province(code: "21", chinese: "辽宁", english: "Liaoning"),
        Province(code: "22", chinese: "吉林", english: "Jilin"),
        Province(code: "23", chinese: "黑龙江", english: "Heilongjiang"),
        Province(code: "31", chinese: "上海", english: "Shanghai"),
        Province(code: "32", chinese: "江苏", english: "Jiangsu"),
        Province(code: "33", chinese: "浙江", english: "Zhejiang"),
        Province(code: "34", chinese: "安徽", english: "Anhui"),
        Province(code: "35", chinese: "福建", english: "Fujian"),
        Province(code: "36", chinese: "江西", english: "Jiangxi"),
        Province(code: "37", chinese: "山东", english: "Shandong"),
        Province(code: "41", chinese: "河南", english: "Henan"),
        Province(code: "42", chinese: "湖北", english: "Hubei"),
        Province(code: "43", chinese: "湖南", english: "Hunan"),
        Province(code: "44", chinese: "广东", english: "Guangdong"),
        Province(code: "45", chinese: "广西", english: "Guangxi"),
        Province(code: "46", chinese: "海南", english: "Hainan"),
        Province(code: "50", chinese: "重庆", english: "Chongqing"),
        Province(code: "51", chinese: "四川", english: "Sichuan"),
        Province(code: "52", chinese: "贵州", english: "Guizhou"),
        Province(code: "53", chinese: "云南", english: "Yunnan"),
        Province(code: "54", chinese: "西藏", english: "Xizang"),
        Province(code: "61", chinese: "陕西", english: "Shaanxi"),
        Province(code: "62", chinese: "甘肃", english: "Gansu"),
        Province(code: "63", chinese: "青海", english: "Qinghai"),
        Province(code: "64", chinese: "宁夏", english: "Ningxia"),
        Province(code: "65", chinese: "新疆", english: "Xinjiang"),
        Province(code: "71", chinese: "台湾", english: "Taiwan"),
        Province(code: "81", chinese: "香港", english: "Hong Kong"),
        Province(code: "82", chinese: "澳门", english: "Macao"),
    ]

    private static let byCode: [String: Province] = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// The province of a two-digit code, nil for a code that names none.
    static func named(_ code: String) -> Province? {
        byCode[code]
    }

    /// The name of province `code` in the site's language; the code itself when it names no
    /// province (a region written wrongly is shown as written, not hidden).
    static func name(of code: String, chinese: Bool) -> String {
        guard let province = byCode[code] else { return code }
        return chinese ? province.chinese : province.english
    }
}
